// Types of the ippanel-wasm/edge entry (ippanel's JSON "Edge" API), written by hand as index.d.ts is.
// Reference: docs/edge.md in the repository.

/**
 * The main entry's error class itself, so `instanceof IppanelError` holds whichever entry a
 * failure came from. Edge errors also fill {@link IppanelError.fieldErrors}.
 */
export { IppanelError } from "./index.js";
/** Types shared with the main entry: the error kinds and the delivery and approval words. */
export type { IppanelErrorKind, DeliveryStatus, Approval } from "./index.js";
/** The same types, for use in this file. */
import type { DeliveryStatus, Approval } from "./index.js";

/** A string union that still accepts words the service may add later. */
type Open<T extends string> = T | (string & {});

/** A number, or a string of its digits (`3` or `"3"`): every number field of a request takes both. */
type Numeric = number | string;

/** Extra fields the service sent are kept, camelCased. */
interface Extra { [extra: string]: unknown }

/**
 * Options every call accepts: as the last argument of methods that take no request or only an
 * id, or as fields of the request object.
 */
export interface CallOptions {
  /** Cancels the call and its retries; the promise rejects with kind `"aborted"`. */
  signal?: AbortSignal;
}

/** The options of `new EdgeClient(options)`. */
export interface EdgeClientOptions {
  /**
   * The API key from the panel (*Developers → Access Keys*), sent as the `Authorization` header
   * exactly as given: no scheme is added or removed. Never appears in errors, logs or
   * `JSON.stringify(client)` (masked as `***`).
   */
  apiKey: string;
  /**
   * Where the API lives, default `"https://edge.ippanel.com/v1"`: your proxy or a sandbox
   * (`{sandbox}/edge/v1`). Calls go to `{baseUrl}/api/…`; trailing slashes are dropped.
   * Redirects are not followed, so the key never goes on to another address: a redirect fails the call.
   */
  baseUrl?: string;
  /** Time limit of each attempt in ms, reading the body included; default 30000. */
  timeoutMs?: number;
  /** Extra attempts for read-only methods after a network error, a timeout or a 5xx; default 2, 0 to 10. */
  retries?: number;
  /**
   * The `fetch` used for every request; default `globalThis.fetch`. It is called as
   * `fetch(request)` with a built `Request`; the timeout and `signal` end a call even when this
   * `fetch` ignores the request's signal.
   */
  fetch?: typeof fetch;
}

/** `page` and `limit` of a list request. */
export interface PageRequest extends CallOptions {
  /** The page to read, from 1; default 1 (sent only when given). */
  page?: Numeric;
  /** Items per page, 1 to 1000 (`per_page` on the wire); the service's default, 10, when left out. */
  limit?: Numeric;
}

/**
 * A moment for `sendTime`: a `Date`, or an ISO-8601 string with an offset
 * (`"2025-03-12T21:20:02+03:30"`, `"…Z"`). Sent as UTC `YYYY-MM-DD HH:MM:SS`, fractions dropped;
 * a string without an offset is an `"input"` error. The service wants it at least 5 minutes and
 * at most 3 months ahead.
 */
export type SendTime = Date | string;

/**
 * A moment for a list filter: a `Date`, unix seconds, or an ISO-8601 string with an offset.
 * Sent as unix seconds.
 */
export type FilterTime = Date | number | string;

/** Which subscribers of a targeted send, by gender; `"all"` when left out. */
export type Gender = "all" | "male" | "female";

/** Which numbers of a postal-code or country target: `"all"`, or `"white"` to skip blacklisted ones; `"all"` when left out. */
export type Bank = "all" | "white";

/** A mobile operator of a targeted send: 1 or `"mci"` (Hamrah-e Aval), 2 or `"irancell"`, 13 or `"other"` (the words are sent as 1, 2, 13). */
export type OperatorId = 1 | 2 | 13 | "mci" | "irancell" | "other";

/** A window into the numbers the service holds: skip `start`, take `size`. */
export interface Range {
  /** How many numbers to skip. */
  start: Numeric;
  /** How many numbers to take. */
  size: Numeric;
}

/** A window into one operator's numbers, in geolocation and job targets. */
export interface Slice extends Range {
  /** The operator. */
  id: OperatorId;
}

/** The fields every send request has: sender and schedule. */
interface SendBase extends CallOptions {
  /**
   * Sender line (one of the account's numbers): `"3000505"` goes out as `"+983000505"`,
   * `"0098…"` as `"+98…"`, a value starting with `+` as given (`"+98BANK"`). Must not be empty.
   */
  from: string;
  /** Schedules the send; see {@link SendTime}. Left out: sent now. */
  sendTime?: SendTime;
}

/** The request of {@link EdgeClient.send}. */
export interface SendRequest extends SendBase {
  /** Recipients in any common Iranian form; normalized to `+98...` before sending. */
  to: string | string[];
  /** The text, sent as given; must not be empty. */
  message: string;
}

/** One group of a peer-to-peer send: its own recipients and text. */
export interface PeerToPeerItem {
  /** The group's recipients, in any common Iranian form. */
  to: string | string[];
  /** The group's text. */
  message: string;
}

/** The request of {@link EdgeClient.sendPeerToPeer}. */
export interface SendPeerToPeerRequest extends SendBase {
  /** The groups, at least one; the result has one id per group, in this order. */
  params: PeerToPeerItem[];
}

/** Where a pattern send also saves its recipient: a phonebook and the contact's fields. */
export interface PatternPhonebook {
  /** The phonebook's id (from {@link EdgeClient.phonebooks}). */
  id: string;
  /** The contact's name. */
  name?: string;
  /** The contact's title, e.g. `"mr"`. */
  pre?: string;
  /** The contact's e-mail address. */
  email?: string;
  /** Values of the phonebook's custom fields, by option id. */
  options?: Record<string, string>;
}

/** The request of {@link EdgeClient.sendPattern}. */
export interface SendPatternRequest extends SendBase {
  /** One recipient, in any common Iranian form. */
  to: string;
  /** The pattern's code from the panel (`code` on the wire); must not be empty. */
  patternCode: string;
  /** The pattern's variables; every value is sent as a string (`true` as `"true"`, numbers in plain decimal). */
  values: Record<string, string | number | boolean>;
  /** Also saves the recipient into one of the account's phonebooks. */
  phonebook?: PatternPhonebook;
}

/** The request of {@link EdgeClient.sendVoiceOtp}. */
export interface SendVoiceOtpRequest extends CallOptions {
  /** One recipient, in any common Iranian form. */
  to: string;
  /** The code to read out: 1 to 14 ASCII or Persian digits, sent as a string of ASCII digits, leading zeros kept. */
  code: string | number;
  /** Sender line, as {@link SendRequest.from}; sent only when given. */
  from?: string;
  /** Schedules the call; see {@link SendTime}. */
  sendTime?: SendTime;
}

/** The fields of every targeted send: text and extra recipients. */
interface TargetedSendBase extends SendBase {
  /** The text, sent as given; must not be empty. */
  message: string;
  /** Numbers to add to the target's, in any common Iranian form. */
  otherRecipients?: string[];
}

/** One area of a postal-code send. */
export interface PostalTarget {
  /** The first 2 to 5 digits of the postal codes to reach. */
  postalCode: number | string;
  /** All numbers or only those not blacklisted; default `"all"`. */
  bank?: Bank;
  /** Whose numbers; default `"all"`. */
  gender?: Gender;
  /** Oldest birth year, Solar Hijri, 1300 to 1410. */
  ageFrom?: Numeric;
  /** Youngest birth year, Solar Hijri, 1300 to 1410. */
  ageTo?: Numeric;
  /** Which Hamrah-e Aval numbers. */
  mci?: Range;
  /** Which Irancell numbers. */
  irancell?: Range;
  /** Which numbers of other operators. */
  other?: Range;
}

/** The request of {@link EdgeClient.sendPostalCode}. */
export interface SendPostalCodeRequest extends TargetedSendBase {
  /** The areas, at least one. */
  params: PostalTarget[];
}

/** One region of a country send (ids from {@link EdgeClient.provinces}, {@link EdgeClient.counties}, {@link EdgeClient.cities}). */
export interface CountryTarget {
  /** The province's id. */
  provinceId: Numeric;
  /** A number prefix of 2 to 6 digits, e.g. `938`. */
  pre: number | string;
  /** Which Hamrah-e Aval numbers. */
  mci: Range;
  /** Which Irancell numbers. */
  irancell: Range;
  /** Which numbers of other operators. */
  other: Range;
  /** The county's id, to narrow the province. */
  countyId?: Numeric;
  /** The city's id, to narrow the county. */
  cityId?: Numeric;
  /** All numbers or only those not blacklisted; default `"all"`. */
  bank?: Bank;
  /** Whose numbers; default `"all"`. */
  gender?: Gender;
  /** Oldest birth year, Solar Hijri; 1300 when left out (always sent). */
  ageFrom?: Numeric;
  /** Youngest birth year, Solar Hijri; 1410 when left out (always sent). */
  ageTo?: Numeric;
}

/** The request of {@link EdgeClient.sendCountry}. */
export interface SendCountryRequest extends TargetedSendBase {
  /** The regions, at least one. */
  params: CountryTarget[];
}

/** One region of a geolocation send; every field is optional. */
export interface GeoTarget {
  /** The province's id. */
  provinceId?: Numeric;
  /** The county's id. */
  countyId?: Numeric;
  /** The city's id. */
  cityId?: Numeric;
  /** A number prefix, e.g. `"912"`. */
  pre?: string | number;
  /** Whose numbers; `"all"` (the default) sends no gender. */
  gender?: Gender;
  /** Oldest birth year, Solar Hijri, 1300 to 1410. */
  fromAge?: Numeric;
  /** Youngest birth year, Solar Hijri, 1300 to 1410. */
  toAge?: Numeric;
  /** Which numbers of each operator. */
  operator?: Slice[];
}

/** The request of {@link EdgeClient.sendGeolocation}. */
export interface SendGeolocationRequest extends TargetedSendBase {
  /** The regions, at least one. */
  params: GeoTarget[];
}

/** One job category of a job send (ids from {@link EdgeClient.jobCategories} and {@link EdgeClient.jobSubCategories}). */
export interface JobTarget {
  /** The category's id. */
  mainCategoryId: Numeric;
  /** A subcategory's id, to narrow it. */
  subCategoryId?: Numeric;
  /** Which numbers of each operator. */
  operator?: Slice[];
}

/** The request of {@link EdgeClient.sendJob}. */
export interface SendJobRequest extends TargetedSendBase {
  /** The categories, at least one. */
  params: JobTarget[];
}

/**
 * What a phonebook send reaches: whole phonebooks (`"all"`, optionally a window of their
 * numbers) or chosen contacts of one phonebook (`"detail"`).
 */
export type PhonebookTarget =
  | {
      /** Whole phonebooks. */
      type: "all";
      /** The phonebooks' ids. */
      phonebookIds: string[];
      /** How many numbers to skip. */
      start?: Numeric;
      /** How many numbers to take. */
      size?: Numeric;
    }
  | {
      /** Chosen contacts. */
      type: "detail";
      /** The phonebook's id. */
      phonebookId: string;
      /** The contacts' ids (from {@link EdgeClient.phonebookContacts}). */
      numberIds: string[];
    };

/** The request of {@link EdgeClient.sendPhonebook}. */
export interface SendPhonebookRequest extends SendBase {
  /** The text, sent as given; must not be empty. */
  message: string;
  /** What to reach, at least one (the service takes at most 100). */
  params: PhonebookTarget[];
}

/** One phonebook of a keyword-phonebook send. */
export interface KeywordPhonebookTarget {
  /** The phonebook's id. */
  phonebookId: string;
}

/** The request of {@link EdgeClient.sendKeywordPhonebook}. */
export interface SendKeywordPhonebookRequest extends SendBase {
  /** The text, with `{ex_<option id>}` placeholders filled from each contact's custom fields. */
  message: string;
  /** The phonebooks, at least one. */
  params: KeywordPhonebookTarget[];
}

/** The request of {@link EdgeClient.calculatePrice}. */
export interface CalculatePriceRequest extends CallOptions {
  /** Sender line, as {@link SendRequest.from}. */
  from: string;
  /** The text to price. */
  message: string;
}

/** Filters of {@link EdgeClient.outbox}; only those given are sent. */
export interface OutboxFilters {
  /** The sending user's name; `*` is a wildcard. */
  username?: string;
  /** The sender line. */
  number?: string;
  /** One send's id. */
  messagesOutboxId?: string | number;
  /** Created at or after. */
  createFromDate?: FilterTime;
  /** Created at or before. */
  createToDate?: FilterTime;
  /** Sent at or after. */
  sendFromDate?: FilterTime;
  /** Sent at or before. */
  sendToDate?: FilterTime;
  /** At least this many messages went out. */
  fromExitCount?: Numeric;
  /** At most this many messages went out. */
  toExitCount?: Numeric;
  /** Text the message contains. */
  message?: string;
  /** The state, as {@link OutboxItem.stateId}. */
  stateId?: Numeric;
}

/** The request of {@link EdgeClient.outbox} and {@link EdgeClient.outboxAll}. */
export interface OutboxRequest extends PageRequest {
  /** Which sends. */
  filters?: OutboxFilters;
}

/** The request of {@link EdgeClient.recipients} and {@link EdgeClient.recipientsAll}. */
export interface RecipientsRequest extends PageRequest {}

/** The request of {@link EdgeClient.inbox} and {@link EdgeClient.inboxAll}. */
export interface InboxRequest extends PageRequest {
  /** Only messages after this one: the highest {@link InboxMessage.messagesInboxId} seen so far. */
  fromId?: string | number;
}

/** Filters of {@link EdgeClient.patterns}; only those given are sent. */
export interface PatternFilter {
  /** A pattern code. */
  code?: string;
  /** Text of the title. */
  title?: string;
  /** Shared patterns only (`true`) or unshared only (`false`). */
  isShare?: boolean;
  /** Active or inactive patterns. */
  state?: "active" | "inactive";
  /** The account's own patterns or the system's. */
  type?: "normal" | "systemic";
}

/** The request of {@link EdgeClient.patterns} and {@link EdgeClient.patternsAll}. */
export interface PatternsRequest extends PageRequest {
  /** Which patterns (`limit` is at most 100 here). */
  filter?: PatternFilter;
}

/** A variable of a new pattern. */
export interface PatternVariableSpec {
  /** Its name, written `%name%` in the message. */
  name: string;
  /** What it holds. */
  type: "string" | "integer";
}

/** The request of {@link EdgeClient.createPattern}. */
export interface CreatePatternRequest extends CallOptions {
  /** The text, with variables written `%name%`. */
  message: string;
  /** What the pattern is for, for the reviewers. */
  description: string;
  /** Its variables; default `[]` (always sent). */
  variable?: PatternVariableSpec[];
  /** Whether to share it; default `false` (always sent). */
  isShare?: boolean;
  /** Its title. */
  title?: string;
  /** The sender's website, for the reviewers. */
  website?: string;
}

/** The request of {@link EdgeClient.numbers} and {@link EdgeClient.numbersAll}. */
export interface NumbersRequest extends PageRequest {}

/** The request of {@link EdgeClient.phonebooks} and {@link EdgeClient.phonebooksAll}. */
export interface PhonebooksRequest extends PageRequest {
  /** Phonebooks with this title. */
  title?: string;
  /** The phonebook with this id. */
  id?: string;
}

/** The request of {@link EdgeClient.phonebookContacts} and {@link EdgeClient.phonebookContactsAll}. */
export interface PhonebookContactsRequest extends PageRequest {
  /** Contacts of this phonebook. */
  phonebookId?: string;
  /** Contacts of phonebooks with this title. */
  phonebookTitle?: string;
  /** The contact with this number, in any common Iranian form. */
  number?: string;
  /** Contacts created at or after this moment. */
  fromCreatedAt?: FilterTime;
}

/** The request of {@link EdgeClient.bankCounts}. */
export interface BankCountsRequest extends CallOptions {
  /** The province's id. */
  provinceId: Numeric;
  /** The county's id. */
  countyId?: Numeric;
  /** The city's id. */
  cityId?: Numeric;
  /** Oldest birth year, Solar Hijri. */
  birthYearFrom?: Numeric;
  /** Youngest birth year, Solar Hijri. */
  birthYearTo?: Numeric;
  /** Only men or only women; left out: both. */
  gender?: "male" | "female";
  /** A number prefix, e.g. `"912"`. */
  numberPrefix?: string;
}

/** The request of {@link EdgeClient.jobNumberCount}. */
export interface JobNumberCountRequest extends CallOptions {
  /** The category's id. */
  mainCategoryId: Numeric;
  /** A subcategory's id. */
  subCategoryId?: Numeric;
  /** Only this operator's numbers. */
  operatorId?: OperatorId;
  /** How many numbers to skip. */
  start?: Numeric;
  /** How many numbers to take. */
  size?: Numeric;
}

/** The options of {@link EdgeClient.waitForDelivery}. */
export interface WaitOptions extends CallOptions {
  /** Time between polls in ms; default 5000. */
  intervalMs?: number;
  /** Total time in ms, a poll in flight included; default 600000; then resolves with the latest entries (rejects with `"timeout"` if no poll answered). */
  timeoutMs?: number;
  /** Called with the entries of every poll; an observer that throws is ignored. */
  onUpdate?: (entries: Recipient[]) => void;
}

/** What every send method resolves to. */
export interface Sent extends Extra {
  /** The ids of the messages sent (never empty; one per group for peer-to-peer), for the reports, `cancel` and `waitForDelivery`. */
  messageOutboxIds: string[];
}

/** One page of a list. */
export interface Page<T> {
  /** The page's items. */
  items: T[];
  /** Its number, from 1. */
  page: number;
  /** Items per page (the service's, else the request's, else 10). */
  limit: number;
  /** How many items all pages hold, when the service says. */
  total?: number;
  /** The last page's number, when the service says. */
  lastPage?: number;
}

/** What {@link EdgeClient.calculatePrice} resolves to, in rials per recipient. */
export interface Price extends Extra {
  /** The price on Hamrah-e Aval. */
  mciPrice: number;
  /** The price on other operators. */
  otherPrice: number;
  /** SMS parts the text costs. */
  parts: number;
}

/** A send of the account, as the reports show it. */
export interface OutboxItem extends Extra {
  /** Its id. */
  messagesOutboxId: string;
  /** The sender line. */
  number: string;
  /** The sender line's id. */
  numberId: string;
  /** The user who sent it (masked by the service). */
  username: string;
  /** The kind of send, e.g. `"pattern"`, `"webservice"`. */
  type: string;
  /** The state in a word, e.g. `"finish"`. */
  state: string;
  /**
   * The state: 0 creating, 1 awaiting review, 2 sending, 3 rejected, 4 invalid recipients,
   * 5 queued, 6 sent, 7 cancelled, 8 insufficient credit, 9 system error.
   */
  stateId: number | null;
  /** The state in Persian, e.g. `"پایان یافته"`. */
  status: string;
  /** What review decided, when it has. */
  valid: Approval | null;
  /** The text. */
  message: string;
  /** The service's summary of the send, where it gives one. */
  summary: string | null;
  /** How many recipients. */
  rcptsCount: number;
  /** How many messages went out. */
  exitCount: number;
  /** SMS parts per message, where given. */
  part: number | null;
  /** What it cost, in rials. */
  cost: number;
  /** When it was created, unix seconds. */
  time: number;
  /** When it was (or will be) sent, unix seconds. */
  timeSend: number;
}

/** One recipient of a send and its state. */
export interface Recipient extends Extra {
  /** The number, as `+989121234567`. */
  recipient: string;
  /** The text it was sent. */
  message: string;
  /** Whether the text is readable on the handset. */
  isReadable: boolean;
  /** SMS parts. */
  msgParts: number;
  /** The service's code: 0 sent, 1 at the operator, 2 delivered, 3 failed, 4 blacklisted; `null` before it has one. */
  messageStatus: number | null;
  /**
   * The legacy word for that code: `"send"`, `"pending"`, `"delivered"`, `"failed"`,
   * `"discarded"`, `"notsync"` when there is none yet, or an unknown code's digits (`"5"`).
   */
  status: DeliveryStatus;
}

/** Messages counted by language: Latin (`en`) and Persian (`fa`). */
export interface LanguageCounts {
  /** Latin-script messages. */
  en: number;
  /** Persian messages. */
  fa: number;
}

/** Per-operator counts of a send, each keyed by operator (`"mci"`, `"irancell"`, …; every key the service gives is kept). */
export interface BulkStats extends Extra {
  /** Sent to the operator. */
  operatorsSent: Record<string, LanguageCounts>;
  /** At the operator. */
  operatorsPending: Record<string, LanguageCounts>;
  /** Delivered. */
  operatorsDelivered: Record<string, LanguageCounts>;
  /** Not delivered. */
  operatorsFailed: Record<string, LanguageCounts>;
  /** Blacklisted. */
  operatorsBlacklist: Record<string, LanguageCounts>;
}

/** A message received on one of the account's lines. */
export interface InboxMessage extends Extra {
  /** Its id; pass the highest seen as {@link InboxRequest.fromId}. */
  messagesInboxId: string;
  /** The sender's number. */
  from: string;
  /** Your line it arrived on. */
  number: string;
  /** The text. */
  message: string;
  /** The kind of message, e.g. `"normal"`. */
  type: string;
  /** When it arrived, unix seconds. */
  time: number;
  /** Whether it has been read. */
  seen: boolean;
}

/** What {@link EdgeClient.credit} resolves to, in rials. */
export interface Credit extends Extra {
  /** The credit now. */
  credit: number;
  /** The credit yesterday. */
  yesterdayCredit: number;
  /** Gift credit. */
  gift: number;
  /** When the gift expires, as the service writes it, or `null`. */
  giftExpiresAt: string | null;
  /** When the credit was last updated, as the service writes it (e.g. `"2025-06-30 18:07:06"`). */
  updatedAt: string;
}

/** A pattern's review state: `"active"`, `"inactive"` (rejected or switched off), `"pending"` (awaiting review); other words pass through. */
export type PatternStatus = Open<"active" | "inactive" | "pending">;

/** A variable of a pattern. */
export interface PatternVariable extends Extra {
  /** Its name, written between the delimiters in the message. */
  name: string;
  /** What it holds: `"string"` or `"integer"`; other words pass through. */
  type: Open<"string" | "integer">;
  /** Its longest value. */
  len: number;
}

/** A pattern (a pre-approved template). */
export interface Pattern extends Extra {
  /** Its id. */
  id: string;
  /** Its code, for {@link SendPatternRequest.patternCode}. */
  patternCode: string;
  /** Its title. */
  title: string | null;
  /** Its text, variables between the delimiters. */
  patternMessage: string;
  /** What it is for. */
  patternDescription: string;
  /** Its review state. */
  patternStatus: PatternStatus;
  /** The state's id (1 active, 2 inactive), where given. */
  patternStatusId?: number;
  /** The state in Persian, where given. */
  patternStatusFa?: string;
  /** Whether it is shared. */
  patternIsShare: boolean;
  /** Its variables. */
  variable: PatternVariable[];
  /** What marks a variable in the text, e.g. `"%"`. */
  delimiter: string;
  /** The reviewers' comment. */
  adminComment: string | null;
  /** Why it was rejected (`""` when it was not). */
  rejectText: string;
  /** When it last changed, as the service writes it. */
  updatedAt: string;
  /** When it was created, unix seconds. */
  time: number;
}

/** One of the account's sender lines. */
export interface Line extends Extra {
  /** Its id. */
  id: string;
  /** The number, e.g. `"+983000505"`. */
  number: string;
  /** Its operator's id. */
  operatorId: number;
  /** Its alias. */
  alias: string | null;
  /** Whether it receives messages. */
  gets: boolean;
  /** Whether it is a 66-character line. */
  is66Char: boolean;
}

/** How many numbers a target would reach, per operator. */
export interface Counts extends Extra {
  /** Hamrah-e Aval numbers. */
  mciCount: number;
  /** Irancell numbers. */
  irancellCount: number;
  /** Numbers of other operators. */
  otherCount: number;
}

/** A contact of a phonebook. */
export interface Contact extends Extra {
  /** Its id, for a `"detail"` {@link PhonebookTarget}. */
  id: string;
  /** Its phonebook's id. */
  phonebookId: string;
  /** The number, as `+989121234567`. */
  number: string;
  /** The title, e.g. `"mr"`. */
  pre: string;
  /** The name. */
  name: string;
  /** The e-mail address. */
  email: string;
  /** Its phonebook's title. */
  phonebookTitle: string;
  /** When it was added, as the service writes it. */
  createdAt: string;
  /** When it last changed, as the service writes it. */
  updatedAt: string;
}

/** A custom field of a phonebook. */
export interface PhonebookOption extends Extra {
  /** Its id, the `<id>` of `{ex_<id>}` placeholders. */
  id: string;
  /** Its name. */
  title: string;
  /** What it holds: `"int"`, `"string"` or `"date"`; other words pass through. */
  type: Open<"int" | "string" | "date">;
}

/** One of the account's phonebooks. */
export interface Phonebook extends Extra {
  /** Its id. */
  id: string;
  /** Its title. */
  title: string;
  /** How many contacts it holds. */
  count: number;
  /** The state of its latest export. */
  exportStatus: number | null;
  /** The state of its latest import. */
  importStatus: number | null;
  /** When it was created, as the service writes it. */
  createdAt: string;
  /** When it last changed, where given. */
  updatedAt?: string;
  /** Its custom fields. */
  options: PhonebookOption[];
}

/** A province, county, city or job category. */
export interface Area extends Extra {
  /** Its id. */
  id: number;
  /** Its name, in Persian. */
  name: string;
}

/** A subcategory of a job category. */
export interface SubCategory extends Extra {
  /** Its id. */
  id: number;
  /** Its name, in Persian. */
  name: string;
  /** Its category's id. */
  mainId: number;
  /** Its category's name. */
  mainName: string;
}

/**
 * A client for one ippanel account on the Edge API, authenticated by an API key. Every method
 * returns a promise. Send-type methods (every `send…`) are never retried and set `mayHaveSent`
 * when the outcome is unknown; `cancel` and `createPattern` are not retried either; the others
 * are read-only, retried after network errors, timeouts and 5xx answers.
 *
 * @example
 * ```ts
 * const edge = new EdgeClient({ apiKey: process.env.IPPANEL_API_KEY! });
 * const { messageOutboxIds } = await edge.send({ from: "3000505", to: "09121234567", message: "سلام" });
 * ```
 */
export class EdgeClient {
  /**
   * Checks the options; makes no request.
   * @throws {@link IppanelError} of kind `"input"` (`op` `"EdgeClient"`) for an empty `apiKey`, a `baseUrl` without `http(s)://` and a host, or an out-of-range number.
   * @example
   * ```ts
   * const edge = new EdgeClient({ apiKey: "…", baseUrl: "https://sms-proxy.example.com/v1", timeoutMs: 10_000 });
   * ```
   */
  constructor(options: EdgeClientOptions);
  /**
   * Sends one text to one or more numbers (`send`, type `webservice`). Send-type: never retried.
   * @returns The message's id in `messageOutboxIds`.
   * @throws {@link IppanelError} (rejects): `"input"` before sending (e.g. `to[1]` invalid), `"auth"` for a bad key, `"api"` from the service (e.g. `"400-2"` with `fieldErrors`, or an identical send within 40 s), or `"http"`/`"protocol"`/a transport kind with `mayHaveSent` set when the outcome is unknown.
   * @example
   * ```ts
   * const sent = await edge.send({ from: "3000505", to: ["09121234567", "09351234567"], message: "سلام" });
   * ```
   */
  send(req: SendRequest): Promise<Sent>;
  /**
   * Sends a different text to each group of numbers in one request (`send`, type `peer_to_peer`). Send-type: never retried.
   * @returns One id per group, in order.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"input"` for an empty `params`.
   * @example
   * ```ts
   * const { messageOutboxIds } = await edge.sendPeerToPeer({ from: "3000505", params: [{ to: "09121234567", message: "Hi Ali" }, { to: ["09351234567"], message: "Hi Sara" }] });
   * ```
   */
  sendPeerToPeer(req: SendPeerToPeerRequest): Promise<Sent>;
  /**
   * Sends a pre-approved pattern with its variables to one number (`send`, type `pattern`); the
   * way to send one-time codes, not held for review. Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"api"` with `code` `"404-1"` for an unknown pattern.
   * @example
   * ```ts
   * await edge.sendPattern({ from: "3000505", to: "09121234567", patternCode: "otp-demo", values: { code: 4821 } });
   * ```
   */
  sendPattern(req: SendPatternRequest): Promise<Sent>;
  /**
   * Has a one-time code read out in a voice call to one number (`send`, type `votp`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"input"` for a `code` that is not 1 to 14 digits.
   * @example
   * ```ts
   * await edge.sendVoiceOtp({ to: "09121234567", code: "04821" });
   * ```
   */
  sendVoiceOtp(req: SendVoiceOtpRequest): Promise<Sent>;
  /**
   * Sends to the numbers registered in postal-code areas (`send`, type `postal_code`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"api"` with `fieldErrors` for a postal code the service refuses.
   * @example
   * ```ts
   * await edge.sendPostalCode({ from: "+98BANK", message: "Opening today", params: [{ postalCode: 131, mci: { start: 0, size: 500 } }] });
   * ```
   */
  sendPostalCode(req: SendPostalCodeRequest): Promise<Sent>;
  /**
   * Sends to the numbers of a province, county or city (`send`, type `country`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"api"` for a region the service refuses.
   * @example
   * ```ts
   * const zero = { start: 0, size: 0 };
   * await edge.sendCountry({ from: "+98BANK", message: "Sale", params: [{ provinceId: 89, pre: 912, mci: { start: 0, size: 100 }, irancell: zero, other: zero }] });
   * ```
   */
  sendCountry(req: SendCountryRequest): Promise<Sent>;
  /**
   * Sends to numbers by region, age and gender, per operator (`send`, type `geolocation`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}.
   * @example
   * ```ts
   * await edge.sendGeolocation({ from: "+98BANK", message: "Sale", params: [{ provinceId: 89, gender: "female", operator: [{ id: "mci", start: 0, size: 100 }] }] });
   * ```
   */
  sendGeolocation(req: SendGeolocationRequest): Promise<Sent>;
  /**
   * Sends to the numbers of job categories (`send`, type `job`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"api"` for a category the service refuses.
   * @example
   * ```ts
   * await edge.sendJob({ from: "+98PRO", message: "Hello", params: [{ mainCategoryId: 1, subCategoryId: 3, operator: [{ id: 2, start: 0, size: 1000 }] }] });
   * ```
   */
  sendJob(req: SendJobRequest): Promise<Sent>;
  /**
   * Sends to whole phonebooks or chosen contacts (`send`, type `phonebook`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"api"` with `code` `"404-1"` for an unknown phonebook.
   * @example
   * ```ts
   * await edge.sendPhonebook({ from: "3000505", message: "Hello", params: [{ type: "all", phonebookIds: ["123654"] }, { type: "detail", phonebookId: "456987", numberIds: ["123", "456"] }] });
   * ```
   */
  sendPhonebook(req: SendPhonebookRequest): Promise<Sent>;
  /**
   * Sends a text with per-contact placeholders (`{ex_<option id>}`) to phonebooks (`send`, type `keyword_phonebook`). Send-type: never retried.
   * @throws {@link IppanelError} (rejects): as {@link EdgeClient.send}; `"input"` for a phonebook id that is not digits.
   * @example
   * ```ts
   * await edge.sendKeywordPhonebook({ from: "3000505", message: "Your debt: {ex_50858}", params: [{ phonebookId: "123654" }] });
   * ```
   */
  sendKeywordPhonebook(req: SendKeywordPhonebookRequest): Promise<Sent>;
  /**
   * Cancels a scheduled send, up to 5 minutes before its `sendTime` (`send/cancel`). Not retried.
   * @param outboxId An id from {@link Sent.messageOutboxIds}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not digits, `"api"` (`"404-1"` or `"400-1"`) for a message that is unknown or can no longer be cancelled, `"auth"` or a transport kind.
   * @example
   * ```ts
   * await edge.cancel(sent.messageOutboxIds[0]);
   * ```
   */
  cancel(outboxId: string | number, opts?: CallOptions): Promise<void>;
  /**
   * What a text would cost per recipient, in rials, and its parts (`send/calculate-price`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` for an empty `from` or `message`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { mciPrice, otherPrice, parts } = await edge.calculatePrice({ from: "3000505", message: "سلام" });
   * ```
   */
  calculatePrice(req: CalculatePriceRequest): Promise<Price>;
  /**
   * One page of the account's sends, newest first as the service lists them (`report/new_list`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` (e.g. `page` < 1, a filter date without an offset), `"api"` (`"400-31"` for a bad `stateId`), `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items, lastPage } = await edge.outbox({ limit: 50, filters: { stateId: 6, sendFromDate: new Date(Date.now() - 86_400_000) } });
   * ```
   */
  outbox(req?: OutboxRequest): Promise<Page<OutboxItem>>;
  /**
   * Every send matching the filters, page by page (`report/new_list`); each page is one read call.
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.outbox}.
   * @example
   * ```ts
   * for await (const item of edge.outboxAll({ filters: { stateId: 8 } })) console.log(item.messagesOutboxId, item.cost);
   * ```
   */
  outboxAll(req?: OutboxRequest): AsyncIterableIterator<OutboxItem>;
  /**
   * One send of the account (`report/by_bulk`). Read-only: retried.
   * @param outboxId An id from {@link Sent.messageOutboxIds}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not digits, `"api"` for an unknown id, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { stateId, cost } = await edge.bulk(outboxId);
   * ```
   */
  bulk(outboxId: string | number, opts?: CallOptions): Promise<OutboxItem>;
  /**
   * A send's counts per operator: sent, pending, delivered, failed, blacklisted (`report/bulk_stats`). Read-only: retried.
   * @param outboxId An id from {@link Sent.messageOutboxIds}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not digits, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const stats = await edge.bulkStats(outboxId);
   * console.log(stats.operatorsDelivered.mci?.fa);
   * ```
   */
  bulkStats(outboxId: string | number, opts?: CallOptions): Promise<BulkStats>;
  /**
   * One page of a send's recipients and their delivery states (`report/recipients`); the service
   * lists a recipient's state only once the send is final. Read-only: retried.
   * @param outboxId An id from {@link Sent.messageOutboxIds}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not digits or a bad `page`/`limit`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items } = await edge.recipients(outboxId, { limit: 100 });
   * ```
   */
  recipients(outboxId: string | number, req?: RecipientsRequest): Promise<Page<Recipient>>;
  /**
   * Every recipient of a send, page by page (`report/recipients`); each page is one read call.
   * @param outboxId An id from {@link Sent.messageOutboxIds}.
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.recipients}.
   * @example
   * ```ts
   * for await (const r of edge.recipientsAll(outboxId, { limit: 100 })) if (r.status === "failed") console.log(r.recipient);
   * ```
   */
  recipientsAll(outboxId: string | number, req?: RecipientsRequest): AsyncIterableIterator<Recipient>;
  /**
   * One page of the messages received on the account's lines (`report/messages-inbox`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` for a `fromId` that is not digits or a bad `page`/`limit`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items } = await edge.inbox({ fromId: lastSeenId, limit: 100 });
   * ```
   */
  inbox(req?: InboxRequest): Promise<Page<InboxMessage>>;
  /**
   * Every received message (after `fromId`, when given), page by page (`report/messages-inbox`); nothing is reordered.
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.inbox}.
   * @example
   * ```ts
   * for await (const m of edge.inboxAll({ fromId: lastSeenId })) lastSeenId = Math.max(lastSeenId, Number(m.messagesInboxId));
   * ```
   */
  inboxAll(req?: InboxRequest): AsyncIterableIterator<InboxMessage>;
  /**
   * The account's credit in rials, and its gift credit (`payment/credit/mine`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"auth"` for a bad key, `"api"` or a transport kind.
   * @example
   * ```ts
   * const { credit, gift } = await edge.credit();
   * ```
   */
  credit(opts?: CallOptions): Promise<Credit>;
  /**
   * One page of the account's patterns (`patterns`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` (e.g. `limit` over 100), `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items } = await edge.patterns({ filter: { state: "active" }, limit: 100 });
   * ```
   */
  patterns(req?: PatternsRequest): Promise<Page<Pattern>>;
  /**
   * Every pattern matching the filter, page by page (`patterns`); each page is one read call.
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.patterns}.
   * @example
   * ```ts
   * for await (const p of edge.patternsAll()) console.log(p.patternCode, p.patternStatus);
   * ```
   */
  patternsAll(req?: PatternsRequest): AsyncIterableIterator<Pattern>;
  /**
   * One pattern, by its code (`patterns/{code}`). Read-only: retried.
   * @param patternCode The pattern's code.
   * @throws {@link IppanelError} (rejects): `"input"` for an empty code, `"api"` (`"404-1"`) for an unknown pattern, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { patternStatus } = await edge.pattern("otp-demo");
   * ```
   */
  pattern(patternCode: string, opts?: CallOptions): Promise<Pattern>;
  /**
   * Submits a new pattern for review (`patterns/normal`); it is `"pending"` until reviewed. Not retried.
   * @throws {@link IppanelError} (rejects): `"input"` for an empty `message` or `description`, `"api"` (`"400-2"`, with `fieldErrors` such as `"variable.0.name"`), `"auth"` or a transport kind.
   * @example
   * ```ts
   * const created = await edge.createPattern({ message: "Your code: %code%", description: "Login codes", variable: [{ name: "code", type: "integer" }] });
   * ```
   */
  createPattern(req: CreatePatternRequest): Promise<Pattern>;
  /**
   * One page of the account's sender lines (`number/numbers`); no `total` or `lastPage`. Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` for a bad `page`/`limit`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items } = await edge.numbers();
   * ```
   */
  numbers(req?: NumbersRequest): Promise<Page<Line>>;
  /**
   * Every sender line of the account, page by page (`number/numbers`).
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.numbers}.
   * @example
   * ```ts
   * for await (const line of edge.numbersAll()) console.log(line.number, line.alias);
   * ```
   */
  numbersAll(req?: NumbersRequest): AsyncIterableIterator<Line>;
  /**
   * One page of the account's phonebooks (`phonebooks/list-new`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` for an `id` that is not digits or a bad `page`/`limit`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items, total } = await edge.phonebooks({ title: "Customers" });
   * ```
   */
  phonebooks(req?: PhonebooksRequest): Promise<Page<Phonebook>>;
  /**
   * Every phonebook of the account, page by page (`phonebooks/list-new`).
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.phonebooks}.
   * @example
   * ```ts
   * for await (const book of edge.phonebooksAll()) console.log(book.id, book.title, book.count);
   * ```
   */
  phonebooksAll(req?: PhonebooksRequest): AsyncIterableIterator<Phonebook>;
  /**
   * One page of phonebook contacts (`phonebooks/numbers/contact-list`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"` (a `phonebookId` that is not digits, an invalid `number`, a bad `page`/`limit`), `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { items } = await edge.phonebookContacts({ phonebookId: "123654", limit: 1000 });
   * ```
   */
  phonebookContacts(req?: PhonebookContactsRequest): Promise<Page<Contact>>;
  /**
   * Every contact matching the request, page by page (`phonebooks/numbers/contact-list`).
   * @throws {@link IppanelError} (the iteration rejects): as {@link EdgeClient.phonebookContacts}.
   * @example
   * ```ts
   * for await (const c of edge.phonebookContactsAll({ phonebookId: "123654" })) console.log(c.number, c.name);
   * ```
   */
  phonebookContactsAll(req?: PhonebookContactsRequest): AsyncIterableIterator<Contact>;
  /**
   * Iran's provinces, for country and geolocation targets (`send/banks/provinces`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const tehran = (await edge.provinces()).find((p) => p.name === "تهران");
   * ```
   */
  provinces(opts?: CallOptions): Promise<Area[]>;
  /**
   * The counties of one province (`send/banks/counties`). Read-only: retried.
   * @param provinceId A province's id, from {@link EdgeClient.provinces}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not a whole number, `"api"` for an unknown province, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const counties = await edge.counties(119);
   * ```
   */
  counties(provinceId: number, opts?: CallOptions): Promise<Area[]>;
  /**
   * The cities of one county (`send/banks/cities`). Read-only: retried.
   * @param countyId A county's id, from {@link EdgeClient.counties}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not a whole number, `"api"` for an unknown county, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const cities = await edge.cities(147);
   * ```
   */
  cities(countyId: number, opts?: CallOptions): Promise<Area[]>;
  /**
   * How many numbers a region holds, per operator (`send/banks/counts`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"`, `"api"` (the service may insist on `countyId` and `cityId`), `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { mciCount, irancellCount } = await edge.bankCounts({ provinceId: 89, gender: "female", birthYearFrom: 1360 });
   * ```
   */
  bankCounts(req: BankCountsRequest): Promise<Counts>;
  /**
   * The job categories, for job targets (`send/jobs/categories`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const categories = await edge.jobCategories();
   * ```
   */
  jobCategories(opts?: CallOptions): Promise<Area[]>;
  /**
   * The subcategories of one job category (`send/jobs/sub-categories`). Read-only: retried.
   * @param mainCategoryId A category's id, from {@link EdgeClient.jobCategories}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not a whole number, `"api"` for an unknown category, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const subs = await edge.jobSubCategories(1);
   * ```
   */
  jobSubCategories(mainCategoryId: number, opts?: CallOptions): Promise<SubCategory[]>;
  /**
   * How many numbers a job category holds, per operator (`send/jobs/number-count`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { mciCount } = await edge.jobNumberCount({ mainCategoryId: 1, subCategoryId: 3, operatorId: "mci" });
   * ```
   */
  jobNumberCount(req: JobNumberCountRequest): Promise<Counts>;
  /**
   * Polls every page of `report/recipients` (`limit` 100) until the list is non-empty and every
   * recipient is `delivered`, `failed` or `discarded`; or, while the list is empty, until
   * `report/by_bulk` shows a state that never delivers (`stateId` 3, 4, 7, 8 or 9); or until
   * `timeoutMs` runs out. Resolves with the latest entries either way.
   * @param outboxId An id from {@link Sent.messageOutboxIds}.
   * @throws {@link IppanelError} (rejects): `"input"` for a bad id or options, the error of a failed poll (`"aborted"` when `signal` fires), or `"timeout"` when no poll answered within `timeoutMs`.
   * @example
   * ```ts
   * const entries = await edge.waitForDelivery(sent.messageOutboxIds[0], { intervalMs: 3000, timeoutMs: 120_000 });
   * ```
   */
  waitForDelivery(outboxId: string | number, opts?: WaitOptions): Promise<Recipient[]>;
  /**
   * `{ baseUrl }`: what `JSON.stringify(client)` shows; never the key.
   * @example
   * ```ts
   * console.log(JSON.stringify(edge)); // {"baseUrl":"https://edge.ippanel.com/v1"}
   * ```
   */
  toJSON(): { baseUrl: string };
  /**
   * Frees the wasm-side object now instead of at garbage collection; calls already started
   * still finish. Do not call methods on the client afterwards.
   * @example
   * ```ts
   * edge.free();
   * ```
   */
  free(): void;
}
