/**
 * The `…All` methods of `EdgeClient`: each is an async generator over its list's pages (one
 * read call each, through the wasm's `EdgePages`), yielding the items. `break`, `return` or a
 * failed page ends it and frees the pager; the request's `signal` aborts the page in flight.
 */
const lists = ["outbox", "recipients", "inbox", "patterns", "numbers", "phonebooks", "phonebookContacts"];

export function addPaging(EdgeClient) {
  for (const list of lists) {
    const pages = EdgeClient.prototype[`__${list}Pages`];
    Object.defineProperty(EdgeClient.prototype, `${list}All`, {
      configurable: true,
      writable: true,
      value: async function* (...args) {
        const pager = pages.apply(this, args);
        try {
          for (;;) {
            const page = await pager.next();
            if (page == null) return;
            yield* page.items;
          }
        } finally {
          pager.free();
        }
      },
    });
  }
}
