//! The pages behind the `…All` async iterators: a JS object whose `next()` reads one page.
//! The iterators themselves are plain JavaScript (`js/edge_paging.js`): an async generator
//! over `next()`, which frees the pager when the loop ends or breaks.

use std::cell::RefCell;
use std::rc::Rc;

use ippanel_wasm::edge::{Client, Contact, InboxMessage, Line, OutboxItem, Pager, Pattern, Phonebook, Recipient};
use js_sys::Promise;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{op, read, JsEdgeClient};
use crate::args;
use crate::calls::{answer, reject};
use crate::error::BadArgument;
use crate::messages::PAGER_BUSY;

/// Reads one page, or says the list has ended.
trait Source {
    fn next(&self) -> Promise;
}

/// A pager of `T`, out of its slot while a page is being read.
struct Slot<T> {
    pager: Rc<RefCell<Option<Pager<T>>>>,
    op: &'static str,
}

impl<T: DeserializeOwned + PartialEq + Clone + Serialize + 'static> Source for Slot<T> {
    fn next(&self) -> Promise {
        let Some(mut pager) = self.pager.try_borrow_mut().ok().and_then(|mut slot| slot.take()) else {
            return reject(self.op, BadArgument::new("next", PAGER_BUSY.0, PAGER_BUSY.1));
        };
        let slot = Rc::clone(&self.pager);
        answer(async move {
            let page = pager.next_page().await;
            if let Ok(mut slot) = slot.try_borrow_mut() {
                *slot = Some(pager);
            }
            page
        })
    }
}

/// One list read page by page (what an `…All` iterator walks).
#[wasm_bindgen(js_name = EdgePages)]
pub struct JsPages {
    source: Box<dyn Source>,
}

#[wasm_bindgen(js_class = EdgePages)]
impl JsPages {
    /// The next page (`{ items, page, limit, total?, lastPage? }`), or `null` at the end.
    pub fn next(&self) -> Promise {
        self.source.next()
    }
}

fn pages<T: DeserializeOwned + PartialEq + Clone + Serialize + 'static>(pager: Pager<T>, op: &'static str) -> JsPages {
    JsPages {
        source: Box::new(Slot {
            pager: Rc::new(RefCell::new(Some(pager))),
            op,
        }),
    }
}

/// What an `…All` method with a bad argument throws: its `input` error.
fn refuse(op: &str, error: BadArgument) -> JsValue {
    error.to_js(op)
}

impl JsEdgeClient {
    fn list<Q, T>(
        &self,
        op: &'static str,
        req: &JsValue,
        read: fn(&super::fields::Obj) -> Q,
        make: impl FnOnce(&Client, Q) -> Pager<T>,
    ) -> Result<JsPages, JsValue>
    where
        Q: Default,
        T: DeserializeOwned + PartialEq + Clone + Serialize + 'static,
    {
        let (request, signal) = read::request(req, true, read).map_err(|e| refuse(op, e))?;
        Ok(pages(make(&self.under(signal), request), op))
    }
}

#[wasm_bindgen(js_class = EdgeClient)]
impl JsEdgeClient {
    /// The pages of `outbox(req)`, for `outboxAll`.
    #[wasm_bindgen(js_name = __outboxPages)]
    pub fn outbox_pages(&self, req: JsValue) -> Result<JsPages, JsValue> {
        self.list::<_, OutboxItem>(op::OUTBOX, &req, super::requests::outbox, |c, r| c.outbox_all(r))
    }

    /// The pages of `recipients(outboxId, req)`, for `recipientsAll`.
    #[wasm_bindgen(js_name = __recipientsPages)]
    pub fn recipients_pages(&self, outbox_id: JsValue, req: JsValue) -> Result<JsPages, JsValue> {
        let id = args::id(&outbox_id, "outboxId").map_err(|e| refuse(op::RECIPIENTS, e))?;
        self.list::<_, Recipient>(op::RECIPIENTS, &req, super::requests::recipients, |c, r| {
            c.recipients_all(&id, r)
        })
    }

    /// The pages of `inbox(req)`, for `inboxAll`.
    #[wasm_bindgen(js_name = __inboxPages)]
    pub fn inbox_pages(&self, req: JsValue) -> Result<JsPages, JsValue> {
        self.list::<_, InboxMessage>(op::INBOX, &req, super::requests::inbox, |c, r| c.inbox_all(r))
    }

    /// The pages of `patterns(req)`, for `patternsAll`.
    #[wasm_bindgen(js_name = __patternsPages)]
    pub fn patterns_pages(&self, req: JsValue) -> Result<JsPages, JsValue> {
        self.list::<_, Pattern>(op::PATTERNS, &req, super::requests::patterns, |c, r| c.patterns_all(r))
    }

    /// The pages of `numbers(req)`, for `numbersAll`.
    #[wasm_bindgen(js_name = __numbersPages)]
    pub fn numbers_pages(&self, req: JsValue) -> Result<JsPages, JsValue> {
        self.list::<_, Line>(op::NUMBERS, &req, super::requests::numbers, |c, r| c.numbers_all(r))
    }

    /// The pages of `phonebooks(req)`, for `phonebooksAll`.
    #[wasm_bindgen(js_name = __phonebooksPages)]
    pub fn phonebooks_pages(&self, req: JsValue) -> Result<JsPages, JsValue> {
        self.list::<_, Phonebook>(op::PHONEBOOKS, &req, super::requests::phonebooks, |c, r| {
            c.phonebooks_all(r)
        })
    }

    /// The pages of `phonebookContacts(req)`, for `phonebookContactsAll`.
    #[wasm_bindgen(js_name = __phonebookContactsPages)]
    pub fn phonebook_contacts_pages(&self, req: JsValue) -> Result<JsPages, JsValue> {
        self.list::<_, Contact>(
            op::PHONEBOOK_CONTACTS,
            &req,
            super::requests::phonebook_contacts,
            |c, r| c.phonebook_contacts_all(r),
        )
    }
}
