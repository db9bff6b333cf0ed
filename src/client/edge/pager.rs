//! The paged lists: one page per call, and [`Pager`], which walks a list page by page with the
//! contract's stop rules.

use serde::de::DeserializeOwned;

use crate::core::edge::decode::Listed;
use crate::core::edge::encode::EdgeRequest;
use crate::core::edge::model::page::paginator;
use crate::core::edge::model::{Contact, InboxMessage, Line, OutboxItem, Page, Pattern, Phonebook, Recipient};
use crate::core::edge::request::*;
use crate::Error;

use super::Client;

/// Items per page when neither the answer nor the request says (the service's default).
const DEFAULT_LIMIT: u32 = 10;

/// A paged list read page by page: each [`next_page`](Pager::next_page) is one read call
/// (retried as any read), from the request's `page` (1 when `None`) on, until the page reaches
/// `last_page`, a page is empty or (without `last_page`) shorter than its limit, or a page
/// repeats the one before. Dropping it aborts the call in flight.
///
/// ```no_run
/// # async fn run(edge: ippanel_wasm::edge::Client) -> Result<(), ippanel_wasm::Error> {
/// let mut inbox = edge.inbox_all(Default::default());
/// while let Some(page) = inbox.next_page().await? {
///     for message in &page.items {
///         println!("{}: {}", message.from, message.message);
///     }
/// }
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Pager<T> {
    client: Client,
    request: EdgeRequest,
    next: u32,
    previous: Option<Vec<T>>,
    done: bool,
}

impl<T: DeserializeOwned + PartialEq + Clone> Pager<T> {
    fn new(client: &Client, request: EdgeRequest) -> Pager<T> {
        let next = request.paging().0.unwrap_or(1);
        Pager {
            client: client.clone(),
            request,
            next,
            previous: None,
            done: false,
        }
    }

    /// The next page, or `None` when the list has ended.
    ///
    /// # Errors
    /// The failure of the page's call; the pager then ends.
    pub async fn next_page(&mut self) -> Result<Option<Page<T>>, Error> {
        if self.done {
            return Ok(None);
        }
        self.request.set_page(self.next);
        let page = match self.client.page::<T>(&self.request).await {
            Ok(page) => page,
            Err(error) => {
                self.done = true;
                return Err(error);
            }
        };
        if page.items.is_empty() || self.previous.as_ref() == Some(&page.items) {
            self.done = true;
            return Ok(None);
        }
        let last = match page.last_page {
            Some(last) => page.page >= last,
            None => page.items.len() < page.limit as usize,
        };
        self.done = last || self.next == u32::MAX;
        self.next = self.next.saturating_add(1);
        self.previous = Some(page.items.clone());
        Ok(Some(page))
    }

    /// Every remaining item, in order.
    ///
    /// # Errors
    /// The failure of any page's call.
    pub async fn collect(mut self) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        while let Some(page) = self.next_page().await? {
            out.extend(page.items);
        }
        Ok(out)
    }
}

impl Client {
    /// One page of a list request.
    async fn page<T: DeserializeOwned>(&self, request: &EdgeRequest) -> Result<Page<T>, Error> {
        let fetched = self.fetch(request, self.signal.as_ref()).await?;
        let Listed { items, meta } = self.read::<Listed<T>>(fetched)?;
        let (page, limit) = request.paging();
        let found = paginator(&meta);
        Ok(Page {
            items,
            page: found.current_page.or(page).unwrap_or(1),
            limit: found.per_page.or(limit).unwrap_or(DEFAULT_LIMIT),
            total: found.total,
            last_page: found.last_page,
        })
    }

    /// A page of the messages sent (`report/new_list`).
    ///
    /// # Errors
    /// `Input` (a bad page, limit or filter), an `Api` error for a state filter the service
    /// refuses; the failures of any read.
    pub async fn outbox(&self, request: OutboxRequest) -> Result<Page<OutboxItem>, Error> {
        self.page(&EdgeRequest::Outbox(request)).await
    }

    /// Every message sent, page by page.
    pub fn outbox_all(&self, request: OutboxRequest) -> Pager<OutboxItem> {
        Pager::new(self, EdgeRequest::Outbox(request))
    }

    /// A page of a send's recipients and their delivery (`report/recipients`); statuses appear
    /// once the send is final.
    ///
    /// # Errors
    /// As [`Client::outbox`].
    pub async fn recipients(&self, outbox_id: &str, request: RecipientsRequest) -> Result<Page<Recipient>, Error> {
        self.page(&EdgeRequest::Recipients {
            outbox_id: String::from(outbox_id),
            page: request,
        })
        .await
    }

    /// Every recipient of a send, page by page.
    pub fn recipients_all(&self, outbox_id: &str, request: RecipientsRequest) -> Pager<Recipient> {
        let request = EdgeRequest::Recipients {
            outbox_id: String::from(outbox_id),
            page: request,
        };
        Pager::new(self, request)
    }

    /// A page of received messages (`report/messages-inbox`).
    ///
    /// # Errors
    /// As [`Client::outbox`].
    pub async fn inbox(&self, request: InboxRequest) -> Result<Page<InboxMessage>, Error> {
        self.page(&EdgeRequest::Inbox(request)).await
    }

    /// Every received message, page by page.
    pub fn inbox_all(&self, request: InboxRequest) -> Pager<InboxMessage> {
        Pager::new(self, EdgeRequest::Inbox(request))
    }

    /// A page of the account's patterns (`patterns`; at most 100 a page).
    ///
    /// # Errors
    /// As [`Client::outbox`].
    pub async fn patterns(&self, request: PatternsRequest) -> Result<Page<Pattern>, Error> {
        self.page(&EdgeRequest::Patterns(request)).await
    }

    /// Every pattern, page by page.
    pub fn patterns_all(&self, request: PatternsRequest) -> Pager<Pattern> {
        Pager::new(self, EdgeRequest::Patterns(request))
    }

    /// A page of the account's lines (`number/numbers`; the answer has no `total`).
    ///
    /// # Errors
    /// As [`Client::outbox`].
    pub async fn numbers(&self, request: NumbersRequest) -> Result<Page<Line>, Error> {
        self.page(&EdgeRequest::Numbers(request)).await
    }

    /// Every line, page by page.
    pub fn numbers_all(&self, request: NumbersRequest) -> Pager<Line> {
        Pager::new(self, EdgeRequest::Numbers(request))
    }

    /// A page of the account's phonebooks (`phonebooks/list-new`).
    ///
    /// # Errors
    /// As [`Client::outbox`].
    pub async fn phonebooks(&self, request: PhonebooksRequest) -> Result<Page<Phonebook>, Error> {
        self.page(&EdgeRequest::Phonebooks(request)).await
    }

    /// Every phonebook, page by page.
    pub fn phonebooks_all(&self, request: PhonebooksRequest) -> Pager<Phonebook> {
        Pager::new(self, EdgeRequest::Phonebooks(request))
    }

    /// A page of contacts (`phonebooks/numbers/contact-list`).
    ///
    /// # Errors
    /// As [`Client::outbox`].
    pub async fn phonebook_contacts(&self, request: PhonebookContactsRequest) -> Result<Page<Contact>, Error> {
        self.page(&EdgeRequest::PhonebookContacts(request)).await
    }

    /// Every contact, page by page.
    pub fn phonebook_contacts_all(&self, request: PhonebookContactsRequest) -> Pager<Contact> {
        Pager::new(self, EdgeRequest::PhonebookContacts(request))
    }
}
