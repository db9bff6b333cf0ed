// Compiled with tsc --strict --noEmit by make test: a consumer of ippanel-wasm/edge using every
// method and type, plus shapes that must not compile.
import { EdgeClient, IppanelError } from "ippanel-wasm/edge";
import { IppanelError as MainError } from "ippanel-wasm";
import type {
  Approval, Area, BulkStats, Contact, CountryTarget, Counts, Credit, DeliveryStatus, GeoTarget, Gender, InboxMessage,
  IppanelErrorKind, JobTarget, Line, OperatorId, OutboxFilters, OutboxItem, Page, Pattern, PatternStatus, Phonebook,
  PhonebookTarget, PostalTarget, Price, Recipient, Sent, Slice, SubCategory, WaitOptions,
} from "ippanel-wasm/edge";

async function main(): Promise<void> {
  const edge = new EdgeClient({ apiKey: "edge-demo-key-1234", baseUrl: "http://127.0.0.1:1/edge/v1", timeoutMs: 1000, retries: 1, fetch });
  new EdgeClient({ apiKey: "k" });
  const signal = new AbortController().signal;
  const opts = { signal };

  // Sends.
  const sent: Sent = await edge.send({ from: "3000505", to: ["09121234567"], message: "m", sendTime: new Date(), signal });
  const id: string = sent.messageOutboxIds[0];
  await edge.send({ from: "+98BANK", to: "09121234567", message: "m", sendTime: "2025-03-12T21:20:02+03:30" });
  await edge.sendPeerToPeer({ from: "3000505", params: [{ to: "09121234567", message: "a" }, { to: ["09351234567"], message: "b" }], signal });
  await edge.sendPattern({ from: "3000505", to: "09121234567", patternCode: "otp-demo", values: { code: 4821, name: "x", vip: true } });
  await edge.sendPattern({ from: "3000505", to: "09121234567", patternCode: "p", values: {}, phonebook: { id: "1234", name: "n", pre: "mr", email: "e@x.ir", options: { "456": "1970/01/01" } }, sendTime: new Date() });
  await edge.sendVoiceOtp({ to: "09121234567", code: "04821" });
  await edge.sendVoiceOtp({ to: "09121234567", code: 4821, from: "3000505", sendTime: new Date(), signal });
  const postal: PostalTarget = { postalCode: 131, bank: "white", gender: "male", ageFrom: 1330, ageTo: "1402", mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } };
  await edge.sendPostalCode({ from: "+98BANK", message: "m", params: [postal, { postalCode: "141" }], otherRecipients: ["09121234567"], sendTime: new Date() });
  const zero = { start: 0, size: 0 };
  const country: CountryTarget = { provinceId: 89, pre: 938, mci: { start: 10, size: 100 }, irancell: zero, other: zero, countyId: 212, cityId: 82, bank: "all", gender: "all", ageFrom: 1300, ageTo: 1401 };
  await edge.sendCountry({ from: "+98BANK", message: "m", params: [country], otherRecipients: ["09351111111"] });
  const slices: Slice[] = [{ id: 1, start: 0, size: 10 }, { id: "irancell", start: 0, size: 20 }, { id: 13, start: "0", size: "5" }];
  const geo: GeoTarget = { provinceId: 1, countyId: 2, cityId: 5, pre: "912", gender: "female", fromAge: 1354, toAge: 1364, operator: slices };
  await edge.sendGeolocation({ from: "+98BANK", message: "m", params: [geo, {}] });
  const job: JobTarget = { mainCategoryId: 1, subCategoryId: 1, operator: slices };
  await edge.sendJob({ from: "+98PRO", message: "m", params: [job, { mainCategoryId: 2 }], otherRecipients: [] });
  const books: PhonebookTarget[] = [{ type: "all", phonebookIds: ["123654"], start: 1, size: "2" }, { type: "detail", phonebookId: "456987", numberIds: ["123", "456"] }];
  await edge.sendPhonebook({ from: "3000505", message: "m", params: books, sendTime: new Date() });
  await edge.sendKeywordPhonebook({ from: "3000505", message: "{ex_50856}", params: [{ phonebookId: "123654" }], signal });
  const cancelled: void = await edge.cancel(id, opts);
  void cancelled;
  await edge.cancel(1148303263);
  const price: Price = await edge.calculatePrice({ from: "3000505", message: "m" });
  const cost: number = price.mciPrice + price.otherPrice + price.parts;

  // Reports.
  const filters: OutboxFilters = { username: "*", number: "+983000505", messagesOutboxId: "1100972179", createFromDate: new Date(), createToDate: 1744102007, sendFromDate: "2025-04-08T10:00:00Z", sendToDate: new Date(), fromExitCount: 1, toExitCount: 100, message: "m", stateId: 6 };
  const outbox: Page<OutboxItem> = await edge.outbox({ page: 1, limit: 10, filters, signal });
  const total: number | undefined = outbox.total;
  const lastPage: number | undefined = outbox.lastPage;
  const item: OutboxItem = outbox.items[0];
  const stateId: number | null = item.stateId;
  const valid: Approval | null = item.valid;
  const extraField: unknown = item.numberColor;
  await edge.outbox();
  for await (const o of edge.outboxAll({ filters: { stateId: "8" } })) console.log(o.messagesOutboxId, o.cost, o.timeSend);
  const bulk: OutboxItem = await edge.bulk(id, opts);
  const stats: BulkStats = await edge.bulkStats(Number(id));
  const deliveredFa: number | undefined = stats.operatorsDelivered["mci"]?.fa;
  const page: Page<Recipient> = await edge.recipients(id, { page: 2, limit: 100, signal });
  const status: DeliveryStatus = page.items[0].status;
  const code: number | null = page.items[0].messageStatus;
  await edge.recipients(id);
  for await (const r of edge.recipientsAll(id, { limit: 100 })) console.log(r.recipient, r.isReadable, r.msgParts);
  const inbox: Page<InboxMessage> = await edge.inbox({ fromId: 125, page: 1, limit: 10 });
  let lastSeen = 0;
  for await (const m of edge.inboxAll({ fromId: "125" })) lastSeen = Math.max(lastSeen, Number(m.messagesInboxId));
  const seen: boolean = inbox.items[0].seen;

  // Account.
  const credit: Credit = await edge.credit(opts);
  const giftExpires: string | null = credit.giftExpiresAt;
  const patterns: Page<Pattern> = await edge.patterns({ limit: 100, filter: { code: "c", title: "t", isShare: false, state: "active", type: "normal" } });
  for await (const p of edge.patternsAll()) console.log(p.patternCode, p.variable[0]?.len);
  const one: Pattern = await edge.pattern("otp-demo", opts);
  const pStatus: PatternStatus = one.patternStatus;
  const created: Pattern = await edge.createPattern({ message: "code %code%", description: "d", variable: [{ name: "code", type: "integer" }], isShare: true, title: "t", website: "https://x.ir", signal });
  const lines: Page<Line> = await edge.numbers({ page: 1, limit: 10 });
  for await (const l of edge.numbersAll()) console.log(l.number, l.gets, l.is66Char, l.operatorId);
  const phonebooks: Page<Phonebook> = await edge.phonebooks({ title: "t", id: "123654", page: 1, limit: 1000 });
  for await (const b of edge.phonebooksAll({ limit: 100 })) console.log(b.id, b.options[0]?.type, b.importStatus);
  const contacts: Page<Contact> = await edge.phonebookContacts({ phonebookId: "123654", phonebookTitle: "t", number: "09121234567", fromCreatedAt: new Date(), page: 1, limit: 10 });
  for await (const c of edge.phonebookContactsAll({ fromCreatedAt: 1745000000 })) console.log(c.number, c.phonebookId);

  // Lookups.
  const provinces: Area[] = await edge.provinces(opts);
  const counties: Area[] = await edge.counties(provinces[0].id, opts);
  const cities: Area[] = await edge.cities(counties[0].id);
  const counts: Counts = await edge.bankCounts({ provinceId: 89, countyId: 212, cityId: cities[0].id, birthYearFrom: 1360, birthYearTo: 1380, gender: "female", numberPrefix: "912", signal });
  const categories: Area[] = await edge.jobCategories();
  const subs: SubCategory[] = await edge.jobSubCategories(categories[0].id, opts);
  const operator: OperatorId = "mci";
  const jobCounts: Counts = await edge.jobNumberCount({ mainCategoryId: subs[0].mainId, subCategoryId: subs[0].id, operatorId: operator, start: 0, size: 10 });

  // Waiting, and the client itself.
  const wait: WaitOptions = { intervalMs: 100, timeoutMs: 1000, signal, onUpdate: (entries: Recipient[]) => entries.length };
  const final: Recipient[] = await edge.waitForDelivery(id, wait);
  await edge.waitForDelivery(Number(id));
  const json: { baseUrl: string } = edge.toJSON();
  edge.free();

  // Errors: the main entry's class itself, with fieldErrors.
  try { await edge.credit(); } catch (err) {
    if (err instanceof IppanelError) {
      const kind: IppanelErrorKind = err.kind;
      const fields: Record<string, string[]> = err.fieldErrors;
      const same: MainError = err;
      console.log(kind, fields["variable.0.name"]?.[0], same.code, err.mayHaveSent, err.op);
    }
  }
  const gender: Gender = "all";

  // Shapes that must not compile.
  // @ts-expect-error -- a send needs `from`
  await edge.send({ to: "09121234567", message: "m" });
  // @ts-expect-error -- `sendTime` is a Date or a string, not unix seconds
  await edge.send({ from: "3000505", to: "09121234567", message: "m", sendTime: 1745409418 });
  // @ts-expect-error -- a pattern send goes to one number
  await edge.sendPattern({ from: "3000505", to: ["09121234567"], patternCode: "p", values: {} });
  // @ts-expect-error -- pattern values are strings, numbers or booleans
  await edge.sendPattern({ from: "3000505", to: "09121234567", patternCode: "p", values: { code: null } });
  // @ts-expect-error -- 4 is not an operator id
  await edge.jobNumberCount({ mainCategoryId: 1, operatorId: 4 });
  // @ts-expect-error -- a "detail" phonebook target names contacts, not phonebooks
  await edge.sendPhonebook({ from: "3000505", message: "m", params: [{ type: "detail", phonebookIds: ["1"] }] });
  // @ts-expect-error -- a country target needs all three operator windows
  await edge.sendCountry({ from: "+98BANK", message: "m", params: [{ provinceId: 89, pre: 912, mci: zero }] });
  // @ts-expect-error -- bankCounts has no "all" gender (leave it out)
  await edge.bankCounts({ provinceId: 89, gender: "all" });
  // @ts-expect-error -- ids are strings: no arithmetic on them without a conversion
  const bad: number = item.messagesOutboxId;
  // @ts-expect-error -- an Edge client takes an API key, not a username and password
  new EdgeClient({ username: "u", password: "p" });
  // @ts-expect-error -- `limit`, not the wire's `per_page`
  await edge.numbers({ per_page: 10 });

  console.log(cost, total, lastPage, stateId, valid, extraField, bulk.state, deliveredFa, status, code, lastSeen, seen, giftExpires, patterns.items, pStatus, created.id, lines.items, phonebooks.page, contacts.limit, counts.mciCount, jobCounts.otherCount, final, json.baseUrl, gender, bad);
}
void main;
