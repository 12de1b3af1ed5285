import { AsyncLocalStorage } from "node:async_hooks";

// The request being served, for log lines. The server (scripts/server.ts) runs each request
// inside this store; Next's bundled route code and the server are separate module copies,
// so the store lives on globalThis under a registered symbol both copies find.
export type RequestContext = { requestId: string };

const KEY = Symbol.for("madoguchi.requestContext");
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };

export function requestStore(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as Holder;
  g[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return g[KEY];
}

export function currentRequestId(): string | undefined {
  return requestStore().getStore()?.requestId;
}
