// Types of the ippanel-wasm package, written by hand (wasm-bindgen's would say `any`).
// Reference: https://github.com/ippanel-wasm/ippanel-wasm/blob/main/docs/api.md

/** A string union that still accepts words the service may add later. */
type Open<T extends string> = T | (string & {});

/**
 * Options every call accepts: as the last argument of methods that take no request, or as
 * fields of the request object.
 */
export interface CallOptions {
  /** Cancels the call and its retries; the promise rejects with kind `"aborted"`. */
  signal?: AbortSignal;
}

/** The options of `new Client(options)`. */
export interface ClientOptions {
  /** The account's user name (`uname` on the wire). */
  username: string;
  /** The account's password (`pass`); never appears in errors, logs or `JSON.stringify(client)`. */
  password: string;
  /**
   * Origin of the service, default `"https://ippanel.com"`: a reseller's host, your proxy or a
   * sandbox. Calls go to `{baseUrl}/services.jspd` and `{baseUrl}/patterns/pattern`. Redirects
   * are not followed, so the password never goes on to another address: a redirect fails the call.
   */
  baseUrl?: string;
  /** Time limit of each attempt in ms, reading the body included; default 30000. */
  timeoutMs?: number;
  /** Extra attempts for read-only calls after a network error, a timeout or a 5xx; default 2, at most 10. */
  retries?: number;
  /**
   * The `fetch` used for every request; default `globalThis.fetch`. It is called as
   * `fetch(request)` with a built `Request`; the timeout and `signal` end a call even when this
   * `fetch` ignores the request's signal.
   */
  fetch?: typeof fetch;
}

/** Extra fields the service sent are kept, camelCased. */
interface Extra { [extra: string]: unknown }

/** The request of {@link Client.send}. */
export interface SendRequest extends CallOptions {
  /** Sender line (one of the account's numbers), e.g. `"3000505"`. */
  from: string;
  /** Recipients in any common Iranian form; normalized to `+98...` before sending. */
  to: string | string[];
  /** The text, sent as given; must not be empty or blank. */
  message: string;
  /** Schedules the send: a `Date` (sent as Tehran time) or a `YYYY-MM-DD[ HH:MM:SS]` string in Tehran time. */
  time?: Date | string;
}
/** What every send-type call resolves to. */
export interface SendResult {
  /** The send's id, for `checkMessage`, `delivery` and `waitForDelivery`. */
  bulkId: string;
}
/** The request of {@link Client.sendPattern}. */
export interface PatternSendRequest extends CallOptions {
  /** Sender line. */
  from: string;
  /** One recipient, in any common Iranian form. */
  to: string;
  /** The pattern's code from the ippanel panel. */
  patternCode: string;
  /** The pattern's variables; numbers are sent as strings. */
  values: Record<string, string | number>;
}
/** Mobile operator of a postal-code send: `"mci"` (Hamrah-e Aval) or `"mtn"` (Irancell). */
export type Operator = "mci" | "mtn";
/** Which subscribers of a postal-code area; `"all"` when left out. */
export type Gender = "all" | "male" | "female";
/** The request of {@link Client.postalCodeCount}. */
export interface PostalCodeCountRequest extends CallOptions {
  /** A 10-digit postal code (spaces, dashes and Persian digits allowed). */
  postalCode: string;
  /** Whose subscribers. */
  operator: Operator;
  /** Which subscribers; default `"all"`. */
  gender?: Gender;
}
/** The request of {@link Client.postalCodeSend}: the area, plus sender and text. */
export interface PostalCodeSendRequest extends PostalCodeCountRequest {
  /** Sender line. */
  from: string;
  /** The text, sent as given. */
  message: string;
}
/** A postal-code area on offer. */
export interface PostalArea extends Extra {
  /** The area's code. */
  code: string;
  /** The area's name. */
  name: string;
}
/** The request of {@link Client.bookSend}. */
export interface BookSendRequest extends CallOptions {
  /** Sender line. */
  from: string;
  /** The text, sent as given. */
  message: string;
  /** The phonebook's id, from {@link Client.bookList}. */
  bookId: string | number;
}
/** One of the account's phonebooks. */
export interface Phonebook extends Extra {
  /** Its id, for {@link Client.bookSend}. */
  id: string;
  /** Its name. */
  title: string;
}
/** The request of {@link Client.jobsSend}. */
export interface JobsSendRequest extends CallOptions {
  /** Sender line. */
  from: string;
  /** The text, sent as given. */
  message: string;
  /** The job category's id, from {@link Client.jobList}. */
  jobId: number;
  /** Ids of the job's trends, from {@link Client.jobTrendList}; at least one. */
  trendIds: number[];
}
/** A job category on offer. */
export interface Job extends Extra {
  /** Its id. */
  id: number;
  /** Its name. */
  title: string;
}
/** A trend (subcategory) of a job category. */
export interface JobTrend extends Extra {
  /** Its id. */
  id: number;
  /** Its name. */
  title: string;
}
/** The request of {@link Client.jobsCount}. */
export interface JobsCountRequest extends CallOptions {
  /** Ids of the trends to count; at least one. */
  trendIds: number[];
}
/**
 * The review state of a send, in the service's own words: `"Finish"` (done), `"Interacting"`
 * (in progress), `"Active"`, `"Cancel"`, `"NoAuthentication"`, `"No Sufficient Charge"`; other
 * words pass through.
 */
export type MessageStatus = Open<"Finish" | "Interacting" | "NoAuthentication" | "Active" | "Cancel" | "No Sufficient Charge">;
/** Whether review approved a send: `"approve"`, `"cancel"` or `"notconfirm"`; other words pass through. */
export type Approval = Open<"approve" | "cancel" | "notconfirm">;
/** What {@link Client.checkMessage} resolves to. */
export interface CheckMessageResult extends Extra {
  /** The review state. */
  status: MessageStatus;
  /** The approval. */
  approval: Approval;
}
/**
 * One recipient's state: `"notsync"` (not yet handed over), `"send"` (sent), `"pending"` (at the
 * operator), then a final `"delivered"`, `"failed"` or `"discarded"` (blacklisted); other words pass through.
 */
export type DeliveryStatus = Open<"notsync" | "send" | "pending" | "failed" | "discarded" | "delivered">;
/** One recipient of a send and its state. */
export interface DeliveryEntry extends Extra {
  /** The number, as `+989121234567`. */
  recipient: string;
  /** Its delivery state. */
  status: DeliveryStatus;
}
/** A message received on one of the account's lines. */
export interface InboxMessage extends Extra {
  /** The sender's number. */
  from: string;
  /** The line it arrived on. */
  to: string;
  /** The text. */
  message: string;
  /** When it arrived, as the service writes it (e.g. `"2024-01-31 10:00:00"`, Tehran time). */
  receivedAt: string;
}
/** The request of {@link Client.newUser}: the new sub-account. */
export interface NewUserRequest extends CallOptions {
  /** Its user name. */
  username: string;
  /** Its password. */
  password: string;
  /** Its owner's name. */
  name: string;
  /** Company name. */
  company?: string;
  /** National id: 10 digits (a person) or 11 (a company). */
  nationalId: string;
  /** Birth certificate number. */
  certificateId?: string;
  /** An access package id, from {@link Client.accessList}. */
  accessId: number;
  /** Landline number. */
  tel?: string;
  /** Mobile number, in any common Iranian form. */
  mobile: string;
  /** A 10-digit postal code. */
  postalCode?: string;
  /** E-mail address. */
  email?: string;
  /** Postal address. */
  address?: string;
}
/** What {@link Client.newUser} resolves to. */
export interface NewUserResult extends Extra {
  /** The new sub-account's id. */
  userId: string;
}
/** An access package a reseller can give a sub-account. */
export interface AccessPackage extends Extra {
  /** Its id, for {@link NewUserRequest.accessId}. */
  id: number;
  /** Its name. */
  title: string;
  /** Its price in rials. */
  price: number;
  /** Its discount (0 when there is none). */
  discount: number;
}
/** The request of {@link Client.sendBulk}. */
export interface SendBulkRequest extends CallOptions {
  /** Sender line, shared by every batch. */
  from: string;
  /** All recipients; every one is checked before the first batch is sent. */
  to: string[];
  /** The text, shared by every batch. */
  message: string;
  /** Schedules every batch, as {@link SendRequest.time}. */
  time?: Date | string;
  /** Recipients per `send` call; default 100. */
  chunkSize?: number;
  /** `send` calls at once, 1 to 64; default 4. */
  concurrency?: number;
  /** Called after each batch with the recipients done so far; an observer that throws is ignored. */
  onProgress?: (progress: { done: number; total: number }) => void;
}
/** One batch of a {@link Client.sendBulk}: its recipients and either its `bulkId` or its `error`. */
export interface SendBulkBatch {
  /** The normalized recipients of this batch. */
  recipients: string[];
  /** Set when the batch was sent. */
  bulkId?: string;
  /** Set when the batch failed; check its `mayHaveSent` before sending it again. */
  error?: IppanelError;
}
/** What {@link Client.sendBulk} resolves to. */
export interface SendBulkResult {
  /** Every batch, in the order of `to`. */
  batches: SendBulkBatch[];
  /** Recipients in batches that were sent. */
  sent: number;
  /** Recipients in batches that failed. */
  failed: number;
}
/** The options of {@link Client.waitForDelivery}. */
export interface WaitForDeliveryOptions extends CallOptions {
  /** Time between polls in ms; default 5000. */
  intervalMs?: number;
  /** Total time in ms, a poll in flight included; default 600000; then resolves with the latest entries (rejects with `"timeout"` if no poll answered). */
  timeoutMs?: number;
  /** Called with the entries of every poll; an observer that throws is ignored. */
  onUpdate?: (entries: DeliveryEntry[]) => void;
}
/** What {@link smsParts} returns. */
export interface SmsParts {
  /** `"gsm7"` when every character is in the GSM 03.38 alphabet, else `"ucs2"` (Persian included). */
  encoding: "gsm7" | "ucs2";
  /** Length in septets (GSM-7, extension characters count 2) or UTF-16 units (UCS-2). */
  length: number;
  /** SMS parts the text costs; 0 for the empty text. */
  parts: number;
  /** Room in one part: 160 or 153 (GSM-7), 70 or 67 (UCS-2), single or split. */
  perPart: number;
  /** Room left in the last part. */
  remaining: number;
}
/**
 * What kind of failure an {@link IppanelError} is:
 * - `"input"`: rejected before sending; `message` starts with the field to fix.
 * - `"auth"`: wrong username or password (code 962).
 * - `"api"`: the service answered with an error `code`.
 * - `"http"`: a non-2xx answer, or a 2xx that is not the service's format.
 * - `"network"`: no answer at all.
 * - `"timeout"`: no complete answer within `timeoutMs`.
 * - `"aborted"`: the caller's `signal` fired.
 * - `"protocol"`: well-formed JSON of an unexpected shape.
 */
export type IppanelErrorKind = "input" | "auth" | "api" | "http" | "network" | "timeout" | "aborted" | "protocol";

/**
 * Every failure of the package: each rejected promise and each throw. A real subclass of
 * `Error`, so `instanceof` works in every runtime. No field ever contains the password.
 *
 * @example
 * ```ts
 * try {
 *   await client.send({ from: "3000505", to: "09121234567", message: "Hi" });
 * } catch (err) {
 *   if (err instanceof IppanelError && err.kind === "api") console.log(err.code, err.messageFa);
 *   else if (err instanceof IppanelError && err.mayHaveSent) console.log("check delivery before resending");
 *   else throw err;
 * }
 * ```
 */
export class IppanelError extends Error {
  /**
   * Builds an error; the package does this itself, but a wrapper of your own may reuse the class.
   * @example
   * ```ts
   * throw new IppanelError({ kind: "input", message: "to: is empty", messageFa: "to: خالی است" });
   * ```
   */
  constructor(init: { kind: IppanelErrorKind; message: string; messageFa?: string; code?: number | string | null; op?: string; mayHaveSent?: boolean; status?: number | null; body?: string | null });
  /** Always `"IppanelError"`. */
  readonly name: "IppanelError";
  /** What kind of failure; see {@link IppanelErrorKind}. */
  kind: IppanelErrorKind;
  /** The service's own error code where it gave one (e.g. 5 for insufficient credit). */
  code: number | string | null;
  /** The wire op name (`send`, `patterns/pattern`, ...), `Client` for the constructor, or the helper's name. */
  op: string;
  /** Persian text for the same error, to show to users. */
  messageFa: string;
  /** True only when a send-type call's outcome is unknown: check before sending again. */
  mayHaveSent: boolean;
  /** HTTP status where a response arrived. */
  status: number | null;
  /** The raw response text (first 2 KB) where a response arrived. */
  body: string | null;
  /**
   * The Edge service's messages per field (its envelope's `errors`), keyed by the wire's field
   * paths as it gave them (`"message"`, `"variable.0.name"`), each with its texts in Persian.
   * `{}` when there are none, and always `{}` on errors of the legacy {@link Client}.
   */
  fieldErrors: Record<string, string[]>;
  /**
   * Every field, `message` included, for `JSON.stringify(err)`.
   * @example
   * ```ts
   * console.log(JSON.stringify(err)); // {"name":"IppanelError","kind":"auth","code":962,...}
   * ```
   */
  toJSON(): Record<string, unknown>;
}

/**
 * A client for one ippanel account. Every method returns a promise; send-type methods (`send`,
 * `sendPattern`, `postalCodeSend`, `bookSend`, `jobsSend`) and `newUser` are never retried,
 * the others are retried after network errors, timeouts and 5xx answers.
 *
 * @example
 * ```ts
 * const client = new Client({ username: "me", password: process.env.IPPANEL_PASS! });
 * const { bulkId } = await client.send({ from: "3000505", to: "09121234567", message: "سلام" });
 * ```
 */
export class Client {
  /**
   * Checks the options; makes no request.
   * @throws {@link IppanelError} of kind `"input"` for an empty username or password, a bad `baseUrl` or an out-of-range number.
   * @example
   * ```ts
   * const client = new Client({ username: "me", password: "secret", baseUrl: "https://sms.example.com", timeoutMs: 10_000 });
   * ```
   */
  constructor(options: ClientOptions);
  /**
   * Sends one message to one or more numbers (`send`). Send-type: never retried.
   * @returns The send's `bulkId`.
   * @throws {@link IppanelError} (rejects): `"input"` before sending (e.g. `to[1]` invalid), `"api"`/`"auth"` from the service, or a transport kind with `mayHaveSent` set when the outcome is unknown.
   * @example
   * ```ts
   * const { bulkId } = await client.send({ from: "3000505", to: ["09121234567", "09351234567"], message: "سلام" });
   * ```
   */
  send(req: SendRequest): Promise<SendResult>;
  /**
   * Sends a pre-approved pattern with its variables to one number (`patterns/pattern`); the way
   * to send one-time codes. Send-type: never retried.
   * @returns The send's `bulkId`.
   * @throws {@link IppanelError} (rejects): as {@link Client.send}; codes 970, 971, 972, 996, 997 for pattern problems.
   * @example
   * ```ts
   * await client.sendPattern({ from: "3000505", to: "09121234567", patternCode: "otp-demo", values: { code: 4821 } });
   * ```
   */
  sendPattern(req: PatternSendRequest): Promise<SendResult>;
  /**
   * Sends to an operator's subscribers in a postal-code area (`postalcodesend`). Send-type: never retried.
   * @returns The send's `bulkId`.
   * @throws {@link IppanelError} (rejects): as {@link Client.send}; `"input"` for a postal code that is not 10 digits.
   * @example
   * ```ts
   * await client.postalCodeSend({ from: "3000505", message: "Opening today", postalCode: "1234567890", operator: "mci" });
   * ```
   */
  postalCodeSend(req: PostalCodeSendRequest): Promise<SendResult>;
  /**
   * How many numbers a postal-code send would reach (`postalcodecount`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const reach = await client.postalCodeCount({ postalCode: "1234567890", operator: "mtn", gender: "female" });
   * ```
   */
  postalCodeCount(req: PostalCodeCountRequest): Promise<number>;
  /**
   * The postal-code areas on offer (`postalcodearea`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * for (const area of await client.postalCodeArea()) console.log(area.code, area.name);
   * ```
   */
  postalCodeArea(opts?: CallOptions): Promise<PostalArea[]>;
  /**
   * Sends to every number of one of the account's phonebooks (`booksend`). Send-type: never retried.
   * @returns The send's `bulkId`.
   * @throws {@link IppanelError} (rejects): as {@link Client.send}.
   * @example
   * ```ts
   * await client.bookSend({ from: "3000505", message: "Hello", bookId: 12 });
   * ```
   */
  bookSend(req: BookSendRequest): Promise<SendResult>;
  /**
   * The account's phonebooks (`booklist`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const books = await client.bookList();
   * ```
   */
  bookList(opts?: CallOptions): Promise<Phonebook[]>;
  /**
   * Sends to the numbers of some trends of a job category (`jobssend`). Send-type: never retried.
   * @returns The send's `bulkId`.
   * @throws {@link IppanelError} (rejects): as {@link Client.send}; `"input"` for an empty `trendIds`.
   * @example
   * ```ts
   * await client.jobsSend({ from: "3000505", message: "Hello", jobId: 1, trendIds: [11, 12] });
   * ```
   */
  jobsSend(req: JobsSendRequest): Promise<SendResult>;
  /**
   * The job categories on offer (`jobslist`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const jobs = await client.jobList();
   * ```
   */
  jobList(opts?: CallOptions): Promise<Job[]>;
  /**
   * The trends of one job category (`jobstrenlist`). Read-only: retried.
   * @param jobId A job's id, from {@link Client.jobList}.
   * @throws {@link IppanelError} (rejects): `"input"` for an id that is not a whole number, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const trends = await client.jobTrendList(1);
   * ```
   */
  jobTrendList(jobId: number, opts?: CallOptions): Promise<JobTrend[]>;
  /**
   * How many numbers a jobs send to these trends would reach (`jobscount`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"input"`, `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const reach = await client.jobsCount({ trendIds: [11, 12] });
   * ```
   */
  jobsCount(req: JobsCountRequest): Promise<number>;
  /**
   * The review state of a send (`checkmessage`). Read-only: retried.
   * @param bulkId The id a send resolved to.
   * @throws {@link IppanelError} (rejects): `"input"`, `"api"` (456: unknown bulk id), `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { status, approval } = await client.checkMessage(bulkId);
   * ```
   */
  checkMessage(bulkId: string | number, opts?: CallOptions): Promise<CheckMessageResult>;
  /**
   * Each recipient's delivery state (`delivery`). Read-only: retried.
   * @param bulkId The id a send resolved to.
   * @throws {@link IppanelError} (rejects): `"input"`, `"api"` (456: unknown bulk id), `"auth"` or a transport kind.
   * @example
   * ```ts
   * const failed = (await client.delivery(bulkId)).filter((e) => e.status === "failed");
   * ```
   */
  delivery(bulkId: string | number, opts?: CallOptions): Promise<DeliveryEntry[]>;
  /**
   * Messages received on the account's lines (`inboxlist`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * for (const m of await client.inboxList()) console.log(m.receivedAt, m.from, m.message);
   * ```
   */
  inboxList(opts?: CallOptions): Promise<InboxMessage[]>;
  /**
   * The account's credit in rials, possibly fractional (`credit`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"auth"` for a wrong login, `"api"` or a transport kind.
   * @example
   * ```ts
   * const rials = await client.credit();
   * ```
   */
  credit(opts?: CallOptions): Promise<number>;
  /**
   * Creates a sub-account (`newuser`; reseller accounts only). Changes the account: never retried.
   * @throws {@link IppanelError} (rejects): `"input"` (e.g. `nationalId` not 10 or 11 digits), `"api"` (codes 301–317, 1001–1005), `"auth"` or a transport kind.
   * @example
   * ```ts
   * const { userId } = await client.newUser({ username: "shop42", password: "a long passphrase", name: "Shop 42", nationalId: "0012345679", accessId: 1, mobile: "09121234567" });
   * ```
   */
  newUser(req: NewUserRequest): Promise<NewUserResult>;
  /**
   * The access packages a reseller can give a sub-account (`accesslist`). Read-only: retried.
   * @throws {@link IppanelError} (rejects): `"api"`, `"auth"` or a transport kind.
   * @example
   * ```ts
   * const cheapest = (await client.accessList()).sort((a, b) => a.price - b.price)[0];
   * ```
   */
  accessList(opts?: CallOptions): Promise<AccessPackage[]>;
  /**
   * Sends one message to a long list in `send` calls of `chunkSize` recipients, `concurrency`
   * at a time. A failed batch is reported in the result, not thrown.
   * @throws {@link IppanelError} (rejects) of kind `"input"` only, before anything is sent: any invalid number fails the whole call.
   * @example
   * ```ts
   * const { sent, failed, batches } = await client.sendBulk({ from: "3000505", to: numbers, message: "Sale", onProgress: (p) => console.log(p.done, p.total) });
   * ```
   */
  sendBulk(req: SendBulkRequest): Promise<SendBulkResult>;
  /**
   * Polls `delivery` until every recipient is final (`delivered`, `failed`, `discarded`) or
   * `timeoutMs` runs out, and resolves with the latest entries either way. A poll still in flight
   * when the time runs out is cut short.
   * @param bulkId The id a send resolved to.
   * @throws {@link IppanelError} (rejects): `"input"` for bad options, the error of a failed `delivery` call (`"aborted"` when `signal` fires), or `"timeout"` when no poll answered within `timeoutMs`.
   * @example
   * ```ts
   * const entries = await client.waitForDelivery(bulkId, { intervalMs: 3000, timeoutMs: 120_000 });
   * ```
   */
  waitForDelivery(bulkId: string | number, opts?: WaitForDeliveryOptions): Promise<DeliveryEntry[]>;
  /**
   * `{ baseUrl, username }`: what `JSON.stringify(client)` shows; never the password.
   * @example
   * ```ts
   * console.log(JSON.stringify(client)); // {"baseUrl":"https://ippanel.com","username":"me"}
   * ```
   */
  toJSON(): { baseUrl: string; username: string };
  /**
   * Frees the wasm-side object now instead of at garbage collection; calls already started
   * still finish. Do not call methods on the client afterwards.
   * @example
   * ```ts
   * client.free();
   * ```
   */
  free(): void;
}

/**
 * Normalizes an Iranian mobile number in any common form (`09121234567`, `9121234567`,
 * `989121234567`, `+989121234567`, `00989121234567`; Persian or Arabic-Indic digits; spaces,
 * dashes, dots, parentheses) to `"+989121234567"`.
 * @throws {@link IppanelError} of kind `"input"` for anything that is not a mobile number (landlines included).
 * @example
 * ```ts
 * normalizeMobile("۰۹۱۲ ۱۲۳ ۴۵۶۷"); // "+989121234567"
 * ```
 */
export function normalizeMobile(input: string): string;
/**
 * How many SMS parts a text costs under GSM 03.38: GSM-7 text is 160 characters in one part
 * and 153 per part when split; anything else (Persian) is UCS-2, 70 and 67.
 * @throws {@link IppanelError} of kind `"input"` only when `text` is not a string or is longer than 1,048,576 characters.
 * @example
 * ```ts
 * smsParts("سلام"); // { encoding: "ucs2", length: 4, parts: 1, perPart: 70, remaining: 66 }
 * ```
 */
export function smsParts(text: string): SmsParts;
/**
 * Whether a delivery status is final: `"delivered"`, `"failed"` or `"discarded"`, the states
 * {@link Client.waitForDelivery} waits for. `false` for every other word, known or not.
 * @example
 * ```ts
 * const pending = (await client.delivery(bulkId)).filter((e) => !isFinalDelivery(e.status));
 * ```
 */
export function isFinalDelivery(status: DeliveryStatus): boolean;
