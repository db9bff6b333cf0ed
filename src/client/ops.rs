//! The 17 ops of the service, one `async fn` each on [`Client`]: each builds its request and
//! makes the one call ([`Client::run`]) under the handle's signal.

use crate::core::model::{
    AccessPackage, CreatedUser, DeliveryEntry, InboxMessage, Job, JobTrend, MessageCheck, Phonebook, PostalArea, Sent,
};
use crate::core::request::{
    BookSendRequest, JobsCountRequest, JobsSendRequest, NewUserRequest, PostalCodeCountRequest, PostalCodeSendRequest,
    Request, SendPatternRequest, SendRequest,
};
use crate::Error;

use super::Client;

impl Client {
    /// `send`: one message to one or more numbers.
    ///
    /// # Errors
    /// [`Error`]; a send is never repeated, and [`Error::may_have_sent`] tells whether it may
    /// have gone out although it failed.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::SendRequest;
    /// let sent = client.send(SendRequest {
    ///     from: "3000505".into(),
    ///     to: vec!["09121234567".into()],
    ///     message: "Hello".into(),
    ///     ..Default::default()
    /// }).await?;
    /// println!("bulk {}", sent.bulk_id);
    /// # Ok(()) }
    /// ```
    pub async fn send(&self, request: SendRequest) -> Result<Sent, Error> {
        self.run(Request::Send(request), self.signal.as_ref()).await
    }

    /// `patterns/pattern`: a pre-approved pattern with its variables, to one number.
    ///
    /// # Errors
    /// As [`Client::send`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::SendPatternRequest;
    /// client.send_pattern(SendPatternRequest {
    ///     from: "3000505".into(),
    ///     to: "09121234567".into(),
    ///     pattern_code: "otp-demo".into(),
    ///     values: vec![("code".into(), "123456".into())],
    /// }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_pattern(&self, request: SendPatternRequest) -> Result<Sent, Error> {
        self.run(Request::SendPattern(request), self.signal.as_ref()).await
    }

    /// `postalcodesend`: to the numbers registered in a postal-code area.
    ///
    /// # Errors
    /// As [`Client::send`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::{Operator, PostalCodeSendRequest};
    /// client.postal_code_send(PostalCodeSendRequest {
    ///     from: "3000505".into(),
    ///     message: "Hello".into(),
    ///     postal_code: "1234567890".into(),
    ///     operator: Operator::Mtn,
    ///     ..Default::default()
    /// }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn postal_code_send(&self, request: PostalCodeSendRequest) -> Result<Sent, Error> {
        self.run(Request::PostalCodeSend(request), self.signal.as_ref()).await
    }

    /// `postalcodecount`: how many numbers a postal-code area has.
    ///
    /// # Errors
    /// [`Error`]; retried after network errors, timeouts and 5xx answers.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::{Operator, PostalCodeCountRequest};
    /// let n = client.postal_code_count(PostalCodeCountRequest {
    ///     postal_code: "1234567890".into(),
    ///     operator: Operator::Mci,
    ///     ..Default::default()
    /// }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn postal_code_count(&self, request: PostalCodeCountRequest) -> Result<f64, Error> {
        self.run(Request::PostalCodeCount(request), self.signal.as_ref()).await
    }

    /// `postalcodearea`: the postal-code areas on offer.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// for area in client.postal_code_area().await? { println!("{} {}", area.code, area.name); }
    /// # Ok(()) }
    /// ```
    pub async fn postal_code_area(&self) -> Result<Vec<PostalArea>, Error> {
        self.run(Request::PostalCodeArea, self.signal.as_ref()).await
    }

    /// `booksend`: to a phonebook of the account.
    ///
    /// # Errors
    /// As [`Client::send`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::BookSendRequest;
    /// client.book_send(BookSendRequest { from: "3000505".into(), message: "Hi".into(), book_id: "12".into() }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn book_send(&self, request: BookSendRequest) -> Result<Sent, Error> {
        self.run(Request::BookSend(request), self.signal.as_ref()).await
    }

    /// `booklist`: the account's phonebooks.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// for book in client.book_list().await? { println!("{} {}", book.id, book.title); }
    /// # Ok(()) }
    /// ```
    pub async fn book_list(&self) -> Result<Vec<Phonebook>, Error> {
        self.run(Request::BookList, self.signal.as_ref()).await
    }

    /// `jobssend`: to the numbers of some trends of a job.
    ///
    /// # Errors
    /// As [`Client::send`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::JobsSendRequest;
    /// client.jobs_send(JobsSendRequest { from: "3000505".into(), message: "Hi".into(), job_id: 1, trend_ids: vec![11] }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn jobs_send(&self, request: JobsSendRequest) -> Result<Sent, Error> {
        self.run(Request::JobsSend(request), self.signal.as_ref()).await
    }

    /// `jobslist`: the jobs on offer.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// let jobs = client.job_list().await?;
    /// # Ok(()) }
    /// ```
    pub async fn job_list(&self) -> Result<Vec<Job>, Error> {
        self.run(Request::JobList, self.signal.as_ref()).await
    }

    /// `jobstrenlist`: the trends of one job.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// let trends = client.job_trend_list(1).await?;
    /// # Ok(()) }
    /// ```
    pub async fn job_trend_list(&self, job_id: u64) -> Result<Vec<JobTrend>, Error> {
        self.run(Request::JobTrendList { job_id }, self.signal.as_ref()).await
    }

    /// `jobscount`: how many numbers some trends have.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::JobsCountRequest;
    /// let n = client.jobs_count(JobsCountRequest { trend_ids: vec![11, 12] }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn jobs_count(&self, request: JobsCountRequest) -> Result<f64, Error> {
        self.run(Request::JobsCount(request), self.signal.as_ref()).await
    }

    /// `checkmessage`: the review state of a bulk send.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// let check = client.check_message("10929800").await?;
    /// println!("{} {}", check.status, check.approval);
    /// # Ok(()) }
    /// ```
    pub async fn check_message(&self, bulk_id: &str) -> Result<MessageCheck, Error> {
        self.run(
            Request::CheckMessage {
                bulk_id: String::from(bulk_id),
            },
            self.signal.as_ref(),
        )
        .await
    }

    /// `delivery`: where each recipient's message of a bulk send is.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`]; an unknown bulk id is an `Api` error with code 456.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// for entry in client.delivery("10929800").await? {
    ///     println!("{} {}", entry.recipient, entry.status.as_str());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn delivery(&self, bulk_id: &str) -> Result<Vec<DeliveryEntry>, Error> {
        self.run(
            Request::Delivery {
                bulk_id: String::from(bulk_id),
            },
            self.signal.as_ref(),
        )
        .await
    }

    /// `inboxlist`: messages received on the account's lines.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// for m in client.inbox_list().await? { println!("{}: {}", m.from, m.message); }
    /// # Ok(()) }
    /// ```
    pub async fn inbox_list(&self) -> Result<Vec<InboxMessage>, Error> {
        self.run(Request::InboxList, self.signal.as_ref()).await
    }

    /// `credit`: the account's credit in rials.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// let rials = client.credit().await?;
    /// # Ok(()) }
    /// ```
    pub async fn credit(&self) -> Result<f64, Error> {
        self.run(Request::Credit, self.signal.as_ref()).await
    }

    /// `newuser`: creates a sub-account (resellers). Never repeated.
    ///
    /// # Errors
    /// [`Error`], with the service's codes 301–317 and 1001–1005 for refused fields.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::NewUserRequest;
    /// let user = client.new_user(NewUserRequest {
    ///     username: "shop1".into(), password: "a-long-password".into(), name: "Shop".into(),
    ///     national_id: "0012345678".into(), access_id: 1, mobile: "09121234567".into(),
    ///     ..Default::default()
    /// }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn new_user(&self, request: NewUserRequest) -> Result<CreatedUser, Error> {
        self.run(Request::NewUser(request), self.signal.as_ref()).await
    }

    /// `accesslist`: the access packages a reseller can give a new user.
    ///
    /// # Errors
    /// As [`Client::postal_code_count`].
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// let packages = client.access_list().await?;
    /// # Ok(()) }
    /// ```
    pub async fn access_list(&self) -> Result<Vec<AccessPackage>, Error> {
        self.run(Request::AccessList, self.signal.as_ref()).await
    }
}
