// Compiled with tsc --strict --noEmit by make test: a consumer using every method and type.
import { Client, IppanelError, isFinalDelivery, normalizeMobile, smsParts } from "ippanel-wasm";
import type { DeliveryEntry, SendBulkResult, SmsParts, IppanelErrorKind, MessageStatus } from "ippanel-wasm";

async function main(): Promise<void> {
  const c = new Client({ username: "u", password: "p", baseUrl: "http://127.0.0.1:1", timeoutMs: 1000, retries: 1, fetch });
  const signal = new AbortController().signal;
  const { bulkId }: { bulkId: string } = await c.send({ from: "3000505", to: ["09121234567"], message: "m", time: new Date(), signal });
  await c.sendPattern({ from: "3000505", to: "09121234567", patternCode: "p", values: { code: 1, name: "x" } });
  await c.postalCodeSend({ from: "3000505", message: "m", postalCode: "1234567890", operator: "mci", gender: "female" });
  const count: number = await c.postalCodeCount({ postalCode: "1234567890", operator: "mtn" });
  const areas = await c.postalCodeArea({ signal });
  const areaName: string = areas[0].name;
  await c.bookSend({ from: "3000505", message: "m", bookId: 12 });
  const bookId: string = (await c.bookList())[0].id;
  await c.jobsSend({ from: "3000505", message: "m", jobId: 1, trendIds: [11] });
  const jobId: number = (await c.jobList())[0].id;
  const trendTitle: string = (await c.jobTrendList(jobId))[0].title;
  const n: number = await c.jobsCount({ trendIds: [11, 12] });
  const status: MessageStatus = (await c.checkMessage(bulkId)).status;
  const entries: DeliveryEntry[] = await c.delivery(Number(bulkId));
  const pending: DeliveryEntry[] = entries.filter((e) => !isFinalDelivery(e.status));
  void pending;
  const received: string = (await c.inboxList())[0].receivedAt;
  const credit: number = await c.credit();
  const userId: string = (await c.newUser({ username: "a", password: "b", name: "c", nationalId: "0012345679", accessId: 1, mobile: "0912" })).userId;
  const price: number = (await c.accessList())[0].price;
  const bulk: SendBulkResult = await c.sendBulk({ from: "3000505", to: ["09121234567"], message: "m", chunkSize: 10, concurrency: 2, onProgress: (p) => p.done / p.total });
  const final: DeliveryEntry[] = await c.waitForDelivery(bulkId, { intervalMs: 100, timeoutMs: 1000, onUpdate: (e) => e.length });
  const parts: SmsParts = smsParts("سلام");
  const mobile: string = normalizeMobile("09121234567");
  try { await c.credit(); } catch (err) {
    if (err instanceof IppanelError) {
      const kind: IppanelErrorKind = err.kind;
      const fields: [number | string | null, string, string, boolean, number | null, string | null] = [err.code, err.op, err.messageFa, err.mayHaveSent, err.status, err.body];
      console.log(kind, fields, err.message);
    }
  }
  // @ts-expect-error -- operator is a closed union, so a wrong word must not compile
  await c.postalCodeCount({ postalCode: "1234567890", operator: "rightel" });
  console.log(count, areaName, bookId, trendTitle, n, status, entries, received, credit, userId, price, bulk.batches[0].error?.kind, final, parts.encoding, mobile, c.toJSON().baseUrl);
}
void main;
