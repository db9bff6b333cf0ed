//! The answers EDGE-PROTOCOL.md shows, copied from it unchanged (the send and job-count
//! variants its text gives are written into whole envelopes).

/// §6, every send type.
pub const SEND: &str = r##"{
  "data": {
    "message_outbox_ids": [
      1123544244
    ]
  },
  "meta": {
    "status": true,
    "message": "انجام شد",
    "message_parameters": [],
    "message_code": "200-1"
  }
}"##;

/// §8.
pub const CALCULATE_PRICE: &str = r##"{"data": {"mci_price": 2370, "other_price": 2503, "parts": 1}, "meta": {"status": true, "message": "calculate successfully", "message_parameters": [], "message_code": "200-1"}}"##;

/// §9.1 `report/new_list`.
pub const OUTBOX_LIST: &str = r##"{"data": [{"username": "*****", "number_color": "#95E871", "number": "+981000", "number_id": "123654", "messages_outbox_id": "12545856", "state": "finish", "type": "pattern_transactional", "time_send": "1745409418", "time": "1745409418", "rcpts_count": "1", "exit_count": "1", "status": "پایان یافته", "partner_id": null, "in_delivery_line": 0, "valid": "approve", "message": "متن پیام", "part": null, "cost": 3990.2, "summary": null, "user_ip": null, "user_id": null, "files_path": null, "parent_id": null, "state_id": 6}, {"username": "******", "number_color": "#95E871", "number": "+981000", "number_id": "1236587", "messages_outbox_id": "588459562", "state": "finish", "type": "pattern", "time_send": "1745409418", "time": "1745409418", "rcpts_count": "1", "exit_count": "1", "status": "پایان یافته", "partner_id": null, "in_delivery_line": 0, "valid": "approve", "message": "متن پیام", "part": null, "cost": 6144.9, "summary": null, "user_ip": null, "user_id": null, "files_path": null, "parent_id": null, "state_id": 6}], "meta": {"current_page": 1, "from": 1, "last_page": 32282040, "path": "/api/report/new_list", "per_page": 2, "to": 2, "total": 64564080, "status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §9.2 `report/by_bulk`.
pub const BY_BULK: &str = r##"{"data": {"username": "*****", "number_color": null, "number": "+98votp", "number_id": "154845", "messages_outbox_id": "5544778899", "state": "finish", "type": "sendvoice", "time_send": "1744121368", "time": "1744121368", "rcpts_count": "1", "exit_count": "1", "status": "پایان یافته", "return": 0, "partner_id": null, "in_delivery_line": 0, "valid": null, "message": "1234", "part": "1", "cost": 1064, "summary": "ارسال کد فعالسازی صوتی : 1234", "user_ip": "1.1.0.1", "user_id": "99885544", "reject_comment": null, "files_path": "1/send/SZiasdasdasdgghgf.wav", "parent_id": "98554", "state_id": 6}, "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §9.3 `report/bulk_stats`.
pub const BULK_STATS: &str = r##"{"data": {"operators_blacklist": {"irancell": {"en": 0, "fa": 0}, "mci": {"en": 0, "fa": 0}}, "operators_failed": {"irancell": {"en": 0, "fa": 0}, "mci": {"en": 0, "fa": 0}}, "operators_pending": {"irancell": {"en": 0, "fa": 0}, "mci": {"en": 0, "fa": 0}}, "operators_sent": {"irancell": {"en": 0, "fa": 0}, "mci": {"en": 0, "fa": 0}}, "operators_delivered": {"irancell": {"en": 0, "fa": "1"}, "mci": {"en": 0, "fa": 0}}}, "meta": {"status": true, "message": "انجام شد", "message_parameters": [], "message_code": "200-1"}}"##;

/// §9.4 `report/recipients`.
pub const RECIPIENTS: &str = r##"{"data": [{"recipient": "+989190000000", "message": "متن پیام", "is_readable": true, "msg_parts": "1", "message_status": "1"}, {"recipient": "+989120000000", "message": "با سلام", "is_readable": true, "msg_parts": "1", "message_status": "1"}], "meta": {"current_page": 1, "from": 1, "last_page": 1, "path": "/api/report/recipients", "per_page": 10, "to": 2, "total": 2, "status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §9.5 `report/messages-inbox`.
pub const INBOX: &str = r##"{"data": [{"messages_inbox_id": 123, "from": "+989122222222", "number": "+981000123", "message": "message text", "type": "normal", "time": 1747808125, "seen": "0"}, {"messages_inbox_id": 122, "from": "+989122222222", "number": "+981000123", "message": "message text", "type": "normal", "time": 1747808120, "seen": "0"}], "meta": {"current_page": 1, "from": 1, "last_page": 4066539, "path": "https://baseurl/api/report/messages-inbox", "per_page": 2, "to": 1, "total": 4066539, "status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §10.1 `payment/credit/mine`.
pub const CREDIT: &str = r##"{"data": {"credit": 6084722932.705052, "yesterday_credit": 195251925510.55, "gift": 0, "gift_expires_at": null, "updated_at": "2025-06-30 18:07:06"}, "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §10.2 `number/numbers`.
pub const LINES: &str = r##"{"data": [{"id": 10001, "number": "+981234567890", "operator_id": 1, "alias": null, "gets": 0, "is_66_char": 0}, {"id": 10002, "number": "+981234567891", "operator_id": 2, "alias": "Sample Alias", "gets": 0, "is_66_char": 0}, {"id": 10003, "number": "+981234567892", "operator_id": 3, "alias": null, "gets": 0, "is_66_char": 0}, {"id": 10004, "number": "+981234567893", "operator_id": 4, "alias": null, "gets": 0, "is_66_char": 0}, {"id": 10005, "number": "+981234567894", "operator_id": 5, "alias": null, "gets": 0, "is_66_char": 0}], "meta": {"status": true, "message": "Success", "message_code": "200-1"}}"##;

/// §10.3 patterns list (first item).
pub const PATTERNS: &str = r##"{"data": [{"id": "67b1b80sdf55sff8f3d069472", "partner_id": null, "verifier_user_id": null, "verifier_partner_id": null, "title": null, "username": "user", "user_id": "1234", "pattern_code": "zcxxc465465zxc", "pattern_message": "خوش امدید: کد تایید شما %code%", "admin_comment": "لطفا نام مجموعه را در متن پترن درج نمایید تا گیرنده متوجه مرجع پیام باشد.\nلطفا آدرس سایت را در متن یا توضیحات پترن درج نمایید تا پترن قابل بررسی باشد.\n", "pattern_description": "description", "website": null, "pattern_status": "inactive", "pattern_status_fa": "رد شده", "pattern_status_id": 2, "pattern_is_share": false, "reject_text": "", "type": "sms", "variable": [{"name": "code", "type": "string", "len": 20}], "delimiter": "%", "updated_at": "2025-02-16T10:04:03.237000Z", "time": 1739700243, "pattern_type": "normal", "readonly": false, "pattern_state_revision": null, "pattern_message_revision": null, "pattern_is_share_revision": null, "pattern_description_revision": null, "pattern_delimiter_revision": null, "pattern_variable_revision": null, "pattern_type_revision": "", "pattern_state_log": null, "pattern_message_log": null, "pattern_is_share_log": null, "pattern_description_log": null, "pattern_delimiter_log": null, "pattern_variable_log": null, "pattern_type_log": null, "revision": {"type": "", "variable": null, "pattern_status_id": null, "pattern_status_fa": null, "pattern_message": null, "pattern_description": null, "pattern_is_share": null, "delimiter": null}, "pattern_log": null}], "meta": {"current_page": 1, "from": 1, "last_page": 1, "per_page": 10, "to": 3, "total": 3, "status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §10.3 pattern show.
pub const PATTERN: &str = r##"{"data": {"id": "67728ab9asdasd4c04a562", "partner_id": null, "verifier_user_id": null, "verifier_partner_id": null, "title": null, "username": "user", "user_id": "1234", "pattern_code": "aibg4dsfertj5ht", "pattern_message": "پترن تست دستگاه ثبت شماره\r\n%number%", "admin_comment": "متن پترن مورد تائید است.", "pattern_description": "description", "website": null, "pattern_status": "active", "pattern_status_fa": "فعال", "pattern_status_id": 1, "pattern_is_share": false, "reject_text": "", "type": "sms", "variable": [{"name": "number", "type": "string", "len": 20}], "delimiter": "%", "updated_at": "2024-12-30T11:59:35.103000Z", "time": 1735559975, "pattern_type": "normal", "readonly": false, "pattern_state_revision": null, "pattern_message_revision": null, "pattern_is_share_revision": null, "pattern_description_revision": null, "pattern_delimiter_revision": null, "pattern_variable_revision": null, "pattern_type_revision": "", "pattern_state_log": null, "pattern_message_log": null, "pattern_is_share_log": null, "pattern_description_log": null, "pattern_delimiter_log": null, "pattern_variable_log": null, "pattern_type_log": null, "revision": {"type": "", "variable": null, "pattern_status_id": null, "pattern_status_fa": null, "pattern_message": null, "pattern_description": null, "pattern_is_share": null, "delimiter": null}, "pattern_log": null}, "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §10.3 pattern create.
pub const CREATED_PATTERN: &str = r##"{"data": {"id": "683c0ef4ad9979cd75066974", "title": "test pattern", "username": "username", "pattern_code": "jhaskdab45s6f4sfw", "pattern_message": "پترن تستی %var% . کد شما %code%", "admin_comment": null, "pattern_description": "پترن تستی", "pattern_status": "pending", "pattern_is_share": false, "reject_text": "", "type": "sms", "variable": [{"name": "var", "type": "string", "len": 40}, {"name": "code", "type": "integer", "len": 40}], "delimiter": "%", "updated_at": "2025-06-01T08:27:32.244000Z", "time": 1748766452, "pattern_state_revision": null, "pattern_message_revision": null, "pattern_is_share_revision": null, "pattern_description_revision": null, "pattern_delimiter_revision": null, "pattern_state_log": null, "pattern_message_log": null, "pattern_is_share_log": null, "pattern_description_log": null, "pattern_delimiter_log": null}, "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §10.4 `phonebooks/list-new`.
pub const PHONEBOOKS: &str = r##"{"data": [{"id": 123654, "title": "تست", "count": 12, "export_status": 0, "import_status": 0, "created_at": "2025-01-19T12:26:25+00:00", "updated_at": "2025-03-11T13:38:08+00:00", "options": []}, {"id": 838550, "title": "تست 2", "count": 1, "export_status": 0, "import_status": 0, "created_at": "2025-01-29T14:29:57+00:00", "updated_at": "2025-02-15T11:11:25+00:00", "options": [{"id": 1234, "title": "تاریخ تولد", "type": "date"}]}], "meta": {"current_page": 1, "from": 1, "last_page": 6, "path": "{base_url}/api/phonebooks/listNew", "per_page": 2, "to": 2, "total": 11, "status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §10.5 `phonebooks/numbers/contact-list`.
pub const CONTACTS: &str = r##"{"data": [{"id": 1233, "phonebook_id": 123456, "pre": "", "name": "", "email": "", "number": "+989123456788", "created_at": "2025-04-19T11:11:41+00:00", "updated_at": "2025-04-19T11:12:51+00:00", "phonebook_title": "تست 3532"}, {"id": 1234, "phonebook_id": 123456, "pre": "", "name": "", "email": "", "number": "+989123456789", "created_at": "2025-04-19T11:11:41+00:00", "updated_at": "2025-04-19T11:12:51+00:00", "phonebook_title": "تست 3532"}], "meta": {"current_page": 1, "from": 1, "last_page": 1, "path": "{base_url}/api/phonebooks/numbers/contact-list", "per_page": 10, "to": 2, "total": 2, "status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §11 provinces.
pub const PROVINCES: &str = r##"{"data": [{"id": 89, "name": "تهران"}, {"id": 90, "name": "یزد"}, {"id": 91, "name": "کرمانشاه"}, {"id": 92, "name": "اصفهان"}, {"id": 93, "name": "قزوین"}, {"id": 94, "name": "آذربایجان شرقی"}, {"id": 95, "name": "گلستان"}, {"id": 96, "name": "همدان"}, {"id": 97, "name": "کرمان"}, {"id": 98, "name": "خراسان شمالی"}, {"id": 99, "name": "زنجان"}, {"id": 100, "name": "لرستان"}, {"id": 101, "name": "سیستان وبلوچستان"}, {"id": 102, "name": "البرز"}, {"id": 103, "name": "سمنان"}, {"id": 104, "name": "بوشهر"}, {"id": 105, "name": "کردستان"}, {"id": 106, "name": "هرمزگان"}, {"id": 107, "name": "گیلان"}, {"id": 108, "name": "کهگیلویه وبویراحمد"}, {"id": 109, "name": "مازندران"}, {"id": 110, "name": "فارس"}, {"id": 111, "name": "خوزستان"}, {"id": 112, "name": "چهارمحال وبختیاری"}, {"id": 113, "name": "آذربایجان غربی"}, {"id": 114, "name": "قم"}, {"id": 115, "name": "اردبیل"}, {"id": 116, "name": "مرکزی"}, {"id": 117, "name": "خراسان رضوی"}, {"id": 118, "name": "ایلام"}, {"id": 119, "name": "خراسان جنوبی"}], "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §11 counties of 119.
pub const COUNTIES: &str = r##"{"data": [{"id": 147, "name": "بیرجند"}, {"id": 246, "name": "نامشخص"}, {"id": 884, "name": "طبس"}, {"id": 901, "name": "قائنات"}, {"id": 990, "name": "بشرویه"}, {"id": 1026, "name": "خوسف"}, {"id": 1031, "name": "درمیان"}, {"id": 1053, "name": "زیرکوه"}, {"id": 1056, "name": "سرایان"}, {"id": 1058, "name": "سربیشه"}, {"id": 1080, "name": "فردوس"}, {"id": 1110, "name": "نهبندان"}], "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §11 cities.
pub const CITIES: &str = r##"{"data": [{"id": 12, "name": "بیرجند"}], "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §11 counts.
pub const BANK_COUNTS: &str = r##"{"data": {"mci_count": 256171, "irancell_count": 134380, "other_count": 10425}, "meta": {"status": true, "message": "count", "message_parameters": [], "message_code": "200-1"}}"##;

/// §11 job categories.
pub const JOB_CATEGORIES: &str = r##"{"data": [{"id": 1, "name": "صنایع و اصناف"}, {"id": 2, "name": "املاک، خودرو و حمل و نقل"}, {"id": 3, "name": "رستوران و صنعت غذا"}, {"id": 4, "name": "عکاسان و خدمات الکترونیکی و رایانه‌ای"}, {"id": 5, "name": "پوشاک و صنایع مرتبط"}, {"id": 6, "name": "لوازم خانگی، تاسیسات و صنعت ساختمان"}, {"id": 7, "name": "سایر"}, {"id": 8, "name": "سلامت، زیبایی و لوازم شخصی"}], "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §11 job sub-categories.
pub const JOB_SUB_CATEGORIES: &str = r##"{"data": [{"id": 1, "name": "صنفی", "main_id": "1", "main_name": "صنایع و اصناف"}, {"id": 3, "name": "قصابان و کاشی‌سازان و فخاران", "main_id": "1", "main_name": "صنایع و اصناف"}], "meta": {"status": true, "message": "انجام شد", "message_code": "200-1"}}"##;

/// §6, the peer_to_peer page's ids.
pub const SEND_PEER_TO_PEER: &str = r##"{"data": {"message_outbox_ids": [1123594208, 1123594210]}, "meta": {"status": true, "message": "انجام شد", "message_parameters": [], "message_code": "200-1"}}"##;

/// §11, the job count example.
pub const JOB_COUNTS: &str = r##"{"data": {"mci_count": 15322, "irancell_count": 0, "other_count": 0}, "meta": {"status": true, "message": "count", "message_parameters": [], "message_code": "200-1"}}"##;
