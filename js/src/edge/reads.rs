//! The `EdgeClient` methods that read (reports, account, patterns, phonebooks, regions and
//! jobs), and `createPattern`.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{op, read, requests, JsEdgeClient};
use crate::args;
use crate::calls::{answer, reject};

#[wasm_bindgen(js_class = EdgeClient)]
impl JsEdgeClient {
    /// `report/new_list`. Resolves to a page of outbox items.
    pub fn outbox(&self, req: JsValue) -> Promise {
        self.request(op::OUTBOX, &req, true, requests::outbox, |c, r| async move {
            c.outbox(r).await
        })
    }

    /// `report/by_bulk`. Resolves to an outbox item.
    pub fn bulk(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let id = args::id(&outbox_id, "outboxId");
        self.with_arg(op::BULK, id, &opts, |c, id| async move { c.bulk(&id).await })
    }

    /// `report/bulk_stats`. Resolves to the counts per operator.
    #[wasm_bindgen(js_name = bulkStats)]
    pub fn bulk_stats(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let id = args::id(&outbox_id, "outboxId");
        self.with_arg(
            op::BULK_STATS,
            id,
            &opts,
            |c, id| async move { c.bulk_stats(&id).await },
        )
    }

    /// `report/recipients`. Resolves to a page of recipients.
    pub fn recipients(&self, outbox_id: JsValue, req: JsValue) -> Promise {
        let read =
            args::id(&outbox_id, "outboxId").and_then(|id| Ok((id, read::request(&req, true, requests::recipients)?)));
        match read {
            Ok((id, (request, signal))) => {
                let client = self.under(signal);
                answer(async move { client.recipients(&id, request).await })
            }
            Err(error) => reject(op::RECIPIENTS, error),
        }
    }

    /// `report/messages-inbox`. Resolves to a page of received messages.
    pub fn inbox(&self, req: JsValue) -> Promise {
        self.request(op::INBOX, &req, true, requests::inbox, |c, r| async move {
            c.inbox(r).await
        })
    }

    /// `payment/credit/mine`. Resolves to `{ credit, yesterdayCredit, gift, giftExpiresAt, updatedAt }`.
    pub fn credit(&self, opts: JsValue) -> Promise {
        self.with_arg(op::CREDIT, Ok(()), &opts, |c, ()| async move { c.credit().await })
    }

    /// `patterns`. Resolves to a page of patterns.
    pub fn patterns(&self, req: JsValue) -> Promise {
        self.request(op::PATTERNS, &req, true, requests::patterns, |c, r| async move {
            c.patterns(r).await
        })
    }

    /// `patterns/{code}`. Resolves to a pattern.
    pub fn pattern(&self, pattern_code: JsValue, opts: JsValue) -> Promise {
        let code = args::string(&pattern_code, "patternCode");
        self.with_arg(
            op::PATTERN,
            code,
            &opts,
            |c, code| async move { c.pattern(&code).await },
        )
    }

    /// `patterns/normal`. Resolves to the new pattern.
    #[wasm_bindgen(js_name = createPattern)]
    pub fn create_pattern(&self, req: JsValue) -> Promise {
        self.request(
            op::CREATE_PATTERN,
            &req,
            false,
            requests::create_pattern,
            |c, r| async move { c.create_pattern(r).await },
        )
    }

    /// `number/numbers`. Resolves to a page of lines.
    pub fn numbers(&self, req: JsValue) -> Promise {
        self.request(op::NUMBERS, &req, true, requests::numbers, |c, r| async move {
            c.numbers(r).await
        })
    }

    /// `phonebooks/list-new`. Resolves to a page of phonebooks.
    pub fn phonebooks(&self, req: JsValue) -> Promise {
        self.request(op::PHONEBOOKS, &req, true, requests::phonebooks, |c, r| async move {
            c.phonebooks(r).await
        })
    }

    /// `phonebooks/numbers/contact-list`. Resolves to a page of contacts.
    #[wasm_bindgen(js_name = phonebookContacts)]
    pub fn phonebook_contacts(&self, req: JsValue) -> Promise {
        self.request(
            op::PHONEBOOK_CONTACTS,
            &req,
            true,
            requests::phonebook_contacts,
            |c, r| async move { c.phonebook_contacts(r).await },
        )
    }

    /// `send/banks/provinces`. Resolves to `{ id, name }[]`.
    pub fn provinces(&self, opts: JsValue) -> Promise {
        self.with_arg(op::PROVINCES, Ok(()), &opts, |c, ()| async move { c.provinces().await })
    }

    /// `send/banks/counties`. Resolves to `{ id, name }[]`.
    pub fn counties(&self, province_id: JsValue, opts: JsValue) -> Promise {
        let id = read::small(&province_id, "provinceId");
        self.with_arg(op::COUNTIES, id, &opts, |c, id| async move { c.counties(id).await })
    }

    /// `send/banks/cities`. Resolves to `{ id, name }[]`.
    pub fn cities(&self, county_id: JsValue, opts: JsValue) -> Promise {
        let id = read::small(&county_id, "countyId");
        self.with_arg(op::CITIES, id, &opts, |c, id| async move { c.cities(id).await })
    }

    /// `send/banks/counts`. Resolves to `{ mciCount, irancellCount, otherCount }`.
    #[wasm_bindgen(js_name = bankCounts)]
    pub fn bank_counts(&self, req: JsValue) -> Promise {
        self.request(op::BANK_COUNTS, &req, false, requests::bank_counts, |c, r| async move {
            c.bank_counts(r).await
        })
    }

    /// `send/jobs/categories`. Resolves to `{ id, name }[]`.
    #[wasm_bindgen(js_name = jobCategories)]
    pub fn job_categories(&self, opts: JsValue) -> Promise {
        self.with_arg(op::JOB_CATEGORIES, Ok(()), &opts, |c, ()| async move {
            c.job_categories().await
        })
    }

    /// `send/jobs/sub-categories`. Resolves to `{ id, name, mainId, mainName }[]`.
    #[wasm_bindgen(js_name = jobSubCategories)]
    pub fn job_sub_categories(&self, main_category_id: JsValue, opts: JsValue) -> Promise {
        let id = read::small(&main_category_id, "mainCategoryId");
        self.with_arg(op::JOB_SUB_CATEGORIES, id, &opts, |c, id| async move {
            c.job_sub_categories(id).await
        })
    }

    /// `send/jobs/number-count`. Resolves to `{ mciCount, irancellCount, otherCount }`.
    #[wasm_bindgen(js_name = jobNumberCount)]
    pub fn job_number_count(&self, req: JsValue) -> Promise {
        self.request(
            op::JOB_NUMBER_COUNT,
            &req,
            false,
            requests::job_number_count,
            |c, r| async move { c.job_number_count(r).await },
        )
    }
}
