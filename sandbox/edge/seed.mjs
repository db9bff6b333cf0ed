// The Edge fake's seed state: two accounts (by API key), their lines, inbox, patterns and
// phonebooks, and the shared geo/job reference data (EDGE-PROTOCOL.md §10, §11).

export const KEYS = { "edge-demo-key-1234": "demo", "edge-empty-key-1234": "empty" };

export const PROVINCES = [[89, "تهران"], [90, "یزد"], [91, "کرمانشاه"], [92, "اصفهان"], [93, "قزوین"], [94, "آذربایجان شرقی"],
  [95, "گلستان"], [96, "همدان"], [97, "کرمان"], [98, "خراسان شمالی"], [99, "زنجان"], [100, "لرستان"], [101, "سیستان وبلوچستان"],
  [102, "البرز"], [103, "سمنان"], [104, "بوشهر"], [105, "کردستان"], [106, "هرمزگان"], [107, "گیلان"], [108, "کهگیلویه وبویراحمد"],
  [109, "مازندران"], [110, "فارس"], [111, "خوزستان"], [112, "چهارمحال وبختیاری"], [113, "آذربایجان غربی"], [114, "قم"],
  [115, "اردبیل"], [116, "مرکزی"], [117, "خراسان رضوی"], [118, "ایلام"], [119, "خراسان جنوبی"]].map(([id, name]) => ({ id, name }));

/** Counties by province: 89 and 119 as documented; every other province one county, id 1000 + province id. */
const COUNTIES = {
  89: [[212, "تهران"], [213, "شمیرانات"], [214, "ری"]],
  119: [[147, "بیرجند"], [246, "نامشخص"], [884, "طبس"], [901, "قائنات"], [990, "بشرویه"], [1026, "خوسف"], [1031, "درمیان"],
    [1053, "زیرکوه"], [1056, "سرایان"], [1058, "سربیشه"], [1080, "فردوس"], [1110, "نهبندان"]],
};
export const countiesOf = (provinceId) => (COUNTIES[provinceId] ?? [[1000 + provinceId, "نامشخص"]]).map(([id, name]) => ({ id, name }));
export const countyById = (id) => {
  for (const p of PROVINCES) { const c = countiesOf(p.id).find((x) => x.id === id); if (c) return { ...c, provinceId: p.id }; }
  return null;
};
const CITIES = { 212: [[82, "تهران"], [83, "تجریش"]], 147: [[12, "بیرجند"]] };
export const citiesOf = (countyId) => (CITIES[countyId] ?? []).map(([id, name]) => ({ id, name }));

export const JOB_CATEGORIES = [[1, "صنایع و اصناف"], [2, "املاک، خودرو و حمل و نقل"], [3, "رستوران و صنعت غذا"],
  [4, "عکاسان و خدمات الکترونیکی و رایانه‌ای"], [5, "پوشاک و صنایع مرتبط"], [6, "لوازم خانگی، تاسیسات و صنعت ساختمان"], [7, "سایر"],
  [8, "سلامت، زیبایی و لوازم شخصی"]].map(([id, name]) => ({ id, name }));
/** Sub-categories: main 1 as documented; every other main one sub-category, id 100 + main id. */
export const subCategoriesOf = (mainId) => {
  const main = JOB_CATEGORIES.find((c) => c.id === mainId);
  if (!main) return null;
  const subs = mainId === 1 ? [[1, "صنفی"], [3, "قصابان و کاشی‌سازان و فخاران"]] : [[100 + mainId, "عمومی"]];
  return subs.map(([id, name]) => ({ id, name, main_id: String(mainId), main_name: main.name }));
};

function pattern(n, code, message, status, variables, extra = {}) {
  return { id: `683c0ef4ad9979cd7506${String(n).padStart(4, "0")}`, code, message, status, variables: variables.map((name) => ({ name, type: "string", len: 20 })),
    is_share: false, title: null, description: "description", website: null, updated_at: "2025-06-01T08:27:32.244000Z", time: 1748766452, ...extra };
}

export function seedAccounts() {
  const demo = {
    name: "demo", user_id: "1234", credit: 1_000_000, yesterday_credit: 1_050_000.5,
    lines: [
      { id: 10001, number: "+983000505", operator_id: 1, alias: null, gets: 1, is_66_char: 0 },
      { id: 10002, number: "+98BANK", operator_id: 1, alias: "بانک", gets: 0, is_66_char: 0 },
      { id: 10003, number: "+98PRO", operator_id: 1, alias: null, gets: 0, is_66_char: 0 },
      { id: 10004, number: "+9850004001", operator_id: 2, alias: null, gets: 1, is_66_char: 1 },
    ],
    inbox: [
      { messages_inbox_id: 121, from: "+989121234567", number: "+983000505", message: "سلام، پیام شما رسید", type: "normal", time: 1747808000, seen: "1" },
      { messages_inbox_id: 122, from: "+989351234567", number: "+983000505", message: "STOP", type: "normal", time: 1747808120, seen: "0" },
      { messages_inbox_id: 123, from: "+989122222222", number: "+9850004001", message: "message text", type: "normal", time: 1747808125, seen: "0" },
    ],
    patterns: [
      pattern(1, "otpdemo123", "کد تایید شما: %code%", "active", ["code"]),
      pattern(2, "welcome456", "%name% عزیز، خوش آمدید", "active", ["name"], { title: "welcome" }),
      pattern(3, "oldpromo789", "تخفیف ویژه", "inactive", [], { admin_comment: "رد شده" }),
    ],
    phonebooks: [
      { id: 123654, title: "تست", created_at: "2025-01-19T12:26:25+00:00", updated_at: "2025-03-11T13:38:08+00:00", options: [] },
      { id: 838550, title: "تست 2", created_at: "2025-01-29T14:29:57+00:00", updated_at: "2025-02-15T11:11:25+00:00", options: [{ id: 1234, title: "تاریخ تولد", type: "date" }] },
    ],
    contacts: [
      contact(1233, 123654, "+989123456788", "علی"), contact(1234, 123654, "+989123456789", "سارا"), contact(1235, 123654, "+989353456780", "رضا"),
      contact(1240, 838550, "+989121112233", "مریم", { 1234: "1370/01/01" }),
    ],
  };
  const empty = { name: "empty", user_id: "5678", credit: 0, yesterday_credit: 0, inbox: [], patterns: [], phonebooks: [], contacts: [],
    lines: [{ id: 10101, number: "+983000505", operator_id: 1, alias: null, gets: 0, is_66_char: 0 }] };
  return { demo, empty };
}

function contact(id, phonebook_id, number, name, options = {}) {
  return { id, phonebook_id, pre: "", name, email: "", number, created_at: "2025-04-19T11:11:41+00:00", updated_at: "2025-04-19T11:12:51+00:00", options };
}
export { contact as newContact };
