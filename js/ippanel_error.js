/**
 * The key under which the class is shared: both entries (`ippanel-wasm` and
 * `ippanel-wasm/edge`) are bundled on their own, each with a copy of this module, and the
 * first one loaded defines the class for both, so `instanceof` holds across them (and across
 * the ES-module and CommonJS copies of the package).
 */
const shared = Symbol.for("ippanel-wasm.IppanelError");

/**
 * The one error type of ippanel-wasm. Every rejected promise and every thrown error of the
 * package is an `IppanelError`: a real subclass of `Error`, so `instanceof`, stack traces and
 * `console.error` behave as usual. See the package README for the meaning of `kind`.
 *
 * The wasm module builds these through the class the package entry registers with it, so the
 * class is plain JavaScript and `instanceof` works in every runtime.
 */
export const IppanelError = (globalThis[shared] ??= class IppanelError extends Error {
  /**
   * @param {{ kind: string, message: string, messageFa?: string, code?: number | string | null,
   *           op?: string, mayHaveSent?: boolean, status?: number | null, body?: string | null,
   *           fieldErrors?: Record<string, string[]> }} init
   */
  constructor(init) {
    super(init.message);
    this.name = "IppanelError";
    this.kind = init.kind;
    this.code = init.code ?? null;
    this.op = init.op ?? "";
    this.messageFa = init.messageFa ?? init.message;
    this.mayHaveSent = init.mayHaveSent === true;
    this.status = init.status ?? null;
    this.body = init.body ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
  }

  /** `JSON.stringify(err)` keeps the message too (an Error's own `message` is not enumerable). */
  toJSON() {
    return {
      name: this.name, kind: this.kind, code: this.code, op: this.op, message: this.message,
      messageFa: this.messageFa, mayHaveSent: this.mayHaveSent, status: this.status, body: this.body,
      fieldErrors: this.fieldErrors,
    };
  }
});
