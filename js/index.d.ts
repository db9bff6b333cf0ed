// Types of the ippanel-wasm package: the JavaScript API of ../shared/API.md.

/** A string union that still accepts words the service may add later. */
type Open<T extends string> = T | (string & {});

/** Options of every call: an `AbortSignal` cancels the call and its retries. */
export interface CallOptions { signal?: AbortSignal }

/** `new Client(options)`. */
export interface ClientOptions {
  /** ippanel `uname`. */
  username: string;
  /** ippanel `pass`; never appears in errors or logs. */
  password: string;
  /** Origin, default `"https://ippanel.com"`; calls go to `{baseUrl}/services.jspd` and `{baseUrl}/patterns/pattern`. */
  baseUrl?: string;
  /** Per attempt, in ms; default 30000. */
  timeoutMs?: number;
  /** Extra attempts for read-only ops only; default 2, at most 10. */
  retries?: number;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** Extra fields the service sent are kept, camelCased. */
interface Extra { [extra: string]: unknown }

export interface SendRequest extends CallOptions {
  /** Sender line, e.g. `"3000505"`. */
  from: string;
  /** Recipients in any common Iranian form; normalized to `+98...` before sending. */
  to: string | string[];
  message: string;
  /** A `Date` (sent as Tehran time) or a `YYYY-MM-DD[ HH:MM:SS]` string. */
  time?: Date | string;
}
export interface SendResult { bulkId: string }
export interface PatternSendRequest extends CallOptions {
  from: string;
  to: string;
  patternCode: string;
  /** The pattern's variables; numbers are sent as strings. */
  values: Record<string, string | number>;
}
export type Operator = "mci" | "mtn";
export type Gender = "all" | "male" | "female";
export interface PostalCodeCountRequest extends CallOptions { postalCode: string; operator: Operator; gender?: Gender }
export interface PostalCodeSendRequest extends PostalCodeCountRequest { from: string; message: string }
export interface PostalArea extends Extra { code: string; name: string }
export interface BookSendRequest extends CallOptions { from: string; message: string; bookId: string | number }
export interface Phonebook extends Extra { id: string; title: string }
export interface JobsSendRequest extends CallOptions { from: string; message: string; jobId: number; trendIds: number[] }
export interface Job extends Extra { id: number; title: string }
export interface JobTrend extends Extra { id: number; title: string }
export interface JobsCountRequest extends CallOptions { trendIds: number[] }
export type MessageStatus = Open<"Finish" | "Interacting" | "NoAuthentication" | "Active" | "Cancel" | "No Sufficient Charge">;
export type Approval = Open<"approve" | "cancel" | "notconfirm">;
export interface CheckMessageResult extends Extra { status: MessageStatus; approval: Approval }
export type DeliveryStatus = Open<"notsync" | "send" | "pending" | "failed" | "discarded" | "delivered">;
export interface DeliveryEntry extends Extra { recipient: string; status: DeliveryStatus }
export interface InboxMessage extends Extra { from: string; to: string; message: string; receivedAt: string }
export interface NewUserRequest extends CallOptions {
  username: string; password: string; name: string; company?: string; nationalId: string;
  certificateId?: string; accessId: number; tel?: string; mobile: string; postalCode?: string;
  email?: string; address?: string;
}
export interface NewUserResult extends Extra { userId: string }
export interface AccessPackage extends Extra { id: number; title: string; price: number; discount: number }
export interface SendBulkRequest extends CallOptions {
  from: string; to: string[]; message: string; time?: Date | string;
  /** Recipients per `send` call; default 100. */
  chunkSize?: number;
  /** `send` calls at once; default 4. */
  concurrency?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
}
export interface SendBulkBatch { recipients: string[]; bulkId?: string; error?: IppanelError }
export interface SendBulkResult { batches: SendBulkBatch[]; sent: number; failed: number }
export interface WaitForDeliveryOptions extends CallOptions {
  /** Default 5000. */
  intervalMs?: number;
  /** Default 600000; then resolves with the latest entries. */
  timeoutMs?: number;
  onUpdate?: (entries: DeliveryEntry[]) => void;
}
export interface SmsParts { encoding: "gsm7" | "ucs2"; length: number; parts: number; perPart: number; remaining: number }
export type IppanelErrorKind = "input" | "auth" | "api" | "http" | "network" | "timeout" | "aborted" | "protocol";

/** Every failure of the package. */
export class IppanelError extends Error {
  constructor(init: { kind: IppanelErrorKind; message: string; messageFa?: string; code?: number | string | null; op?: string; mayHaveSent?: boolean; status?: number | null; body?: string | null });
  readonly name: "IppanelError";
  kind: IppanelErrorKind;
  /** The service's own error code where it gave one. */
  code: number | string | null;
  /** The wire op name (`send`, `patterns/pattern`, ...). */
  op: string;
  /** Persian text for the same error. */
  messageFa: string;
  /** True only when a send-type op's outcome is unknown. */
  mayHaveSent: boolean;
  /** HTTP status where a response arrived. */
  status: number | null;
  /** The raw response text (first 2 KB) where one arrived. */
  body: string | null;
  toJSON(): Record<string, unknown>;
}

/** A client for one ippanel account. */
export class Client {
  constructor(options: ClientOptions);
  send(req: SendRequest): Promise<SendResult>;
  sendPattern(req: PatternSendRequest): Promise<SendResult>;
  postalCodeSend(req: PostalCodeSendRequest): Promise<SendResult>;
  postalCodeCount(req: PostalCodeCountRequest): Promise<number>;
  postalCodeArea(opts?: CallOptions): Promise<PostalArea[]>;
  bookSend(req: BookSendRequest): Promise<SendResult>;
  bookList(opts?: CallOptions): Promise<Phonebook[]>;
  jobsSend(req: JobsSendRequest): Promise<SendResult>;
  jobList(opts?: CallOptions): Promise<Job[]>;
  jobTrendList(jobId: number, opts?: CallOptions): Promise<JobTrend[]>;
  jobsCount(req: JobsCountRequest): Promise<number>;
  checkMessage(bulkId: string | number, opts?: CallOptions): Promise<CheckMessageResult>;
  delivery(bulkId: string | number, opts?: CallOptions): Promise<DeliveryEntry[]>;
  inboxList(opts?: CallOptions): Promise<InboxMessage[]>;
  /** Credit in rials. */
  credit(opts?: CallOptions): Promise<number>;
  newUser(req: NewUserRequest): Promise<NewUserResult>;
  accessList(opts?: CallOptions): Promise<AccessPackage[]>;
  /** Splits a long list into `send` calls; failed batches are reported, not thrown. */
  sendBulk(req: SendBulkRequest): Promise<SendBulkResult>;
  /** Polls `delivery` until every recipient is final or the time runs out. */
  waitForDelivery(bulkId: string | number, opts?: WaitForDeliveryOptions): Promise<DeliveryEntry[]>;
  /** `{ baseUrl, username }`: never the password. */
  toJSON(): { baseUrl: string; username: string };
  /** Frees the wasm-side object now instead of at garbage collection. */
  free(): void;
}

/** Any common Iranian mobile form → `"+989121234567"`; throws `IppanelError` (`input`). */
export function normalizeMobile(input: string): string;
/** GSM 03.38 part count. */
export function smsParts(text: string): SmsParts;
