import http from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for the parts of the Stripe API Madoguchi calls, so tests never reach
// the internet: POST /v1/checkout/sessions and POST /v1/refunds. It records each request
// (path and form-decoded body) and answers like Stripe would, enough for the SDK.
export type FakeStripeCall = {
  method: string;
  path: string;
  body: URLSearchParams;
  idempotencyKey: string | undefined;
};

export type FakeStripe = {
  url: string;
  calls: FakeStripeCall[];
  /** Makes the next call fail with this HTTP status. */
  failNext: (status: number) => void;
  close: () => Promise<void>;
};

export async function startFakeStripe(): Promise<FakeStripe> {
  const calls: FakeStripeCall[] = [];
  let failWith: number | null = null;
  let n = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const body = new URLSearchParams(raw);
      const key = req.headers["idempotency-key"];
      calls.push({
        method: req.method ?? "",
        path: req.url ?? "",
        body,
        idempotencyKey: typeof key === "string" ? key : undefined,
      });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${++n}` });
        res.end(JSON.stringify(json));
      };
      if (failWith) {
        const status = failWith;
        failWith = null;
        return send(status, {
          error: { type: "invalid_request_error", code: "fake_failure", message: "fake failure" },
        });
      }
      if (req.method === "POST" && req.url === "/v1/checkout/sessions") {
        const id = `cs_test_${++n}`;
        return send(200, {
          id,
          object: "checkout.session",
          url: `http://checkout.local/pay/${id}`,
          mode: "payment",
          currency: body.get("currency"),
          amount_total: Number(body.get("line_items[0][price_data][unit_amount]")),
          payment_status: "unpaid",
          metadata: { requestId: body.get("metadata[requestId]") },
        });
      }
      if (req.method === "POST" && req.url === "/v1/refunds") {
        return send(200, {
          id: `re_test_${++n}`,
          object: "refund",
          amount: Number(body.get("amount")),
          currency: "jpy",
          payment_intent: body.get("payment_intent"),
          status: "succeeded",
        });
      }
      send(404, { error: { type: "invalid_request_error", message: `no fake for ${req.method} ${req.url}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failNext: (status) => {
      failWith = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
