//! Each Edge request object read into its Rust request type, field by field. Each read is a
//! struct literal without `..Default`, so a field the Rust API adds and this layer does not
//! read is a compile error.

use ippanel_wasm::edge::*;

use super::fields::Obj;
use crate::messages::NOT_WORD;

pub fn send(f: &Obj) -> SendRequest {
    SendRequest {
        from: f.text("from"),
        to: f.recipients("to", true),
        message: f.text("message"),
        send_time: f.time("sendTime"),
    }
}

pub fn peer_to_peer(f: &Obj) -> SendPeerToPeerRequest {
    SendPeerToPeerRequest {
        from: f.text("from"),
        params: f.objects("params", true, |p| PeerToPeerItem {
            to: p.recipients("to", true),
            message: p.text("message"),
        }),
        send_time: f.time("sendTime"),
    }
}

pub fn pattern(f: &Obj) -> SendPatternRequest {
    let phonebook = f.opt_object("phonebook").map(|p| PatternPhonebook {
        id: p.id("id"),
        name: p.opt_text("name"),
        pre: p.opt_text("pre"),
        email: p.opt_text("email"),
        options: p.entries("options"),
    });
    SendPatternRequest {
        from: f.text("from"),
        to: f.text("to"),
        pattern_code: f.text("patternCode"),
        values: f.entries("values"),
        phonebook,
        send_time: f.time("sendTime"),
    }
}

pub fn voice_otp(f: &Obj) -> SendVoiceOtpRequest {
    SendVoiceOtpRequest {
        to: f.text("to"),
        code: f.id("code"),
        from: f.opt_text("from"),
        send_time: f.time("sendTime"),
    }
}

pub fn postal_code(f: &Obj) -> SendPostalCodeRequest {
    SendPostalCodeRequest {
        from: f.text("from"),
        message: f.text("message"),
        params: f.objects("params", true, |t| PostalTarget {
            postal_code: t.id("postalCode"),
            bank: t.bank("bank"),
            gender: t.gender("gender"),
            age_from: t.opt_small("ageFrom"),
            age_to: t.opt_small("ageTo"),
            mci: t.opt_range("mci"),
            irancell: t.opt_range("irancell"),
            other: t.opt_range("other"),
        }),
        other_recipients: f.recipients("otherRecipients", false),
        send_time: f.time("sendTime"),
    }
}

pub fn country(f: &Obj) -> SendCountryRequest {
    SendCountryRequest {
        from: f.text("from"),
        message: f.text("message"),
        params: f.objects("params", true, |t| CountryTarget {
            province_id: t.small("provinceId"),
            pre: t.id("pre"),
            mci: t.object("mci").range(),
            irancell: t.object("irancell").range(),
            other: t.object("other").range(),
            county_id: t.opt_small("countyId"),
            city_id: t.opt_small("cityId"),
            bank: t.bank("bank"),
            gender: t.gender("gender"),
            age_from: t.opt_small("ageFrom"),
            age_to: t.opt_small("ageTo"),
        }),
        other_recipients: f.recipients("otherRecipients", false),
        send_time: f.time("sendTime"),
    }
}

pub fn geolocation(f: &Obj) -> SendGeolocationRequest {
    SendGeolocationRequest {
        from: f.text("from"),
        message: f.text("message"),
        params: f.objects("params", true, |t| GeoTarget {
            province_id: t.opt_small("provinceId"),
            county_id: t.opt_small("countyId"),
            city_id: t.opt_small("cityId"),
            pre: t.opt_id("pre"),
            gender: t.gender("gender"),
            from_age: t.opt_small("fromAge"),
            to_age: t.opt_small("toAge"),
            operator: t.slices("operator"),
        }),
        other_recipients: f.recipients("otherRecipients", false),
        send_time: f.time("sendTime"),
    }
}

pub fn job(f: &Obj) -> SendJobRequest {
    SendJobRequest {
        from: f.text("from"),
        message: f.text("message"),
        params: f.objects("params", true, |t| JobTarget {
            main_category_id: t.small("mainCategoryId"),
            sub_category_id: t.opt_small("subCategoryId"),
            operator: t.slices("operator"),
        }),
        other_recipients: f.recipients("otherRecipients", false),
        send_time: f.time("sendTime"),
    }
}

pub fn phonebook(f: &Obj) -> SendPhonebookRequest {
    SendPhonebookRequest {
        from: f.text("from"),
        message: f.text("message"),
        params: f.objects("params", true, |t| match t.word("type", &["all", "detail"], NOT_WORD) {
            Some(0) => PhonebookTarget::All {
                phonebook_ids: t.ids("phonebookIds"),
                start: t.opt_whole("start"),
                size: t.opt_whole("size"),
            },
            Some(_) => PhonebookTarget::Detail {
                phonebook_id: t.id("phonebookId"),
                number_ids: t.ids("numberIds"),
            },
            None => t.missing(
                "type",
                PhonebookTarget::All {
                    phonebook_ids: Vec::new(),
                    start: None,
                    size: None,
                },
            ),
        }),
        send_time: f.time("sendTime"),
    }
}

pub fn keyword_phonebook(f: &Obj) -> SendKeywordPhonebookRequest {
    SendKeywordPhonebookRequest {
        from: f.text("from"),
        message: f.text("message"),
        params: f.objects("params", true, |t| KeywordPhonebookTarget {
            phonebook_id: t.id("phonebookId"),
        }),
        send_time: f.time("sendTime"),
    }
}

pub fn calculate_price(f: &Obj) -> CalculatePriceRequest {
    CalculatePriceRequest {
        from: f.text("from"),
        message: f.text("message"),
    }
}

pub fn outbox(f: &Obj) -> OutboxRequest {
    let filters = match f.opt_object("filters") {
        None => OutboxFilters::default(),
        Some(o) => OutboxFilters {
            username: o.opt_text("username"),
            number: o.opt_text("number"),
            messages_outbox_id: o.opt_id("messagesOutboxId"),
            create_from_date: o.time("createFromDate"),
            create_to_date: o.time("createToDate"),
            send_from_date: o.time("sendFromDate"),
            send_to_date: o.time("sendToDate"),
            from_exit_count: o.opt_whole("fromExitCount"),
            to_exit_count: o.opt_whole("toExitCount"),
            message: o.opt_text("message"),
            state_id: o.opt_small("stateId"),
        },
    };
    OutboxRequest {
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
        filters,
    }
}

pub fn recipients(f: &Obj) -> RecipientsRequest {
    RecipientsRequest {
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
    }
}

pub fn inbox(f: &Obj) -> InboxRequest {
    InboxRequest {
        from_id: f.opt_id("fromId"),
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
    }
}

pub fn patterns(f: &Obj) -> PatternsRequest {
    let filter = match f.opt_object("filter") {
        None => PatternFilter::default(),
        Some(o) => PatternFilter {
            code: o.opt_text("code"),
            title: o.opt_text("title"),
            is_share: o.opt_bool("isShare"),
            state: o.word("state", &["active", "inactive"], NOT_WORD).map(|i| match i {
                0 => PatternState::Active,
                _ => PatternState::Inactive,
            }),
            kind: o.word("type", &["normal", "systemic"], NOT_WORD).map(|i| match i {
                0 => PatternType::Normal,
                _ => PatternType::Systemic,
            }),
        },
    };
    PatternsRequest {
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
        filter,
    }
}

pub fn create_pattern(f: &Obj) -> CreatePatternRequest {
    CreatePatternRequest {
        message: f.text("message"),
        description: f.text("description"),
        variable: f.objects("variable", false, |v| VariableSpec {
            name: v.text("name"),
            kind: match v.word("type", &["string", "integer"], NOT_WORD) {
                Some(1) => VariableType::Integer,
                _ => VariableType::String,
            },
        }),
        is_share: f.opt_bool("isShare").unwrap_or(false),
        title: f.opt_text("title"),
        website: f.opt_text("website"),
    }
}

pub fn numbers(f: &Obj) -> NumbersRequest {
    NumbersRequest {
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
    }
}

pub fn phonebooks(f: &Obj) -> PhonebooksRequest {
    PhonebooksRequest {
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
        title: f.opt_text("title"),
        id: f.opt_id("id"),
    }
}

pub fn phonebook_contacts(f: &Obj) -> PhonebookContactsRequest {
    PhonebookContactsRequest {
        phonebook_id: f.opt_id("phonebookId"),
        phonebook_title: f.opt_text("phonebookTitle"),
        number: f.opt_text("number"),
        from_created_at: f.time("fromCreatedAt"),
        page: f.opt_small("page"),
        limit: f.opt_small("limit"),
    }
}

pub fn bank_counts(f: &Obj) -> BankCountsRequest {
    BankCountsRequest {
        province_id: f.small("provinceId"),
        county_id: f.opt_small("countyId"),
        city_id: f.opt_small("cityId"),
        birth_year_from: f.opt_small("birthYearFrom"),
        birth_year_to: f.opt_small("birthYearTo"),
        gender: f.gender("gender"),
        number_prefix: f.opt_id("numberPrefix"),
    }
}

pub fn job_number_count(f: &Obj) -> JobNumberCountRequest {
    JobNumberCountRequest {
        main_category_id: f.small("mainCategoryId"),
        sub_category_id: f.opt_small("subCategoryId"),
        operator_id: f.opt_operator("operatorId"),
        start: f.opt_whole("start"),
        size: f.opt_whole("size"),
    }
}
