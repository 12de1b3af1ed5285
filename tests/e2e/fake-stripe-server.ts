// A local stand-in for Stripe for the end-to-end suite, so no test reaches the internet.
// It answers the API calls Madoguchi makes (POST /v1/checkout/sessions, POST /v1/refunds)
// and serves its own "Checkout" page at the URL it hands out. Pressing "Pay" there does
// what Stripe does: it sends a signed checkout.session.completed event to the app's
// webhook and, once the app has answered 200, sends the browser to the success URL.
import http from "node:http";
import Stripe from "stripe";

export type FakeCheckoutSession = {
  id: string;
  amount: number;
  currency: string;
  requestId: string;
  reference: string;
  successUrl: string;
  cancelUrl: string;
  locale: string;
  paid: boolean;
};

export type FakeStripeServer = { url: string; sessions: Map<string, FakeCheckoutSession>; close: () => Promise<void> };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => resolve(raw));
    req.on("error", reject);
  });
}

export async function startFakeStripeServer(opts: {
  port: number;
  host?: string;
  webhookUrl: string;
  webhookSecret: string;
}): Promise<FakeStripeServer> {
  const host = opts.host ?? "127.0.0.1";
  const base = `http://${host}:${opts.port}`;
  const sessions = new Map<string, FakeCheckoutSession>();
  const signer = new Stripe("sk_test_fake_signer");
  let n = 0;

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${++n}` });
    res.end(JSON.stringify(body));
  };
  const html = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head><body>${body}</body></html>`,
    );
  };

  /** What Stripe would post: the completed, paid session, signed with the webhook secret. */
  async function deliverCompleted(s: FakeCheckoutSession): Promise<number> {
    const payload = JSON.stringify({
      id: `evt_fake_${s.id}`,
      object: "event",
      type: "checkout.session.completed",
      created: Math.floor(Date.now() / 1000),
      api_version: "2025-01-01",
      livemode: false,
      data: {
        object: {
          id: s.id,
          object: "checkout.session",
          mode: "payment",
          currency: s.currency,
          amount_total: s.amount,
          payment_status: "paid",
          status: "complete",
          payment_intent: `pi_fake_${s.id}`,
          client_reference_id: s.requestId,
          metadata: { requestId: s.requestId, reference: s.reference },
        },
      },
    });
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: opts.webhookSecret });
    const res = await fetch(opts.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: payload,
    });
    return res.status;
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", base);
      const body = new URLSearchParams(await readBody(req));
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        const id = `cs_test_fake_${++n}_${Date.now()}`;
        const s: FakeCheckoutSession = {
          id,
          amount: Number(body.get("line_items[0][price_data][unit_amount]")),
          currency: body.get("currency") ?? "",
          requestId: body.get("metadata[requestId]") ?? "",
          reference: body.get("metadata[reference]") ?? "",
          successUrl: body.get("success_url") ?? "",
          cancelUrl: body.get("cancel_url") ?? "",
          locale: body.get("locale") ?? "auto",
          paid: false,
        };
        sessions.set(id, s);
        return json(res, 200, {
          id,
          object: "checkout.session",
          url: `${base}/checkout/${id}`,
          mode: "payment",
          currency: s.currency,
          amount_total: s.amount,
          payment_status: "unpaid",
          metadata: { requestId: s.requestId },
        });
      }
      if (req.method === "POST" && url.pathname === "/v1/refunds") {
        return json(res, 200, {
          id: `re_fake_${++n}`,
          object: "refund",
          amount: Number(body.get("amount")),
          currency: "jpy",
          payment_intent: body.get("payment_intent"),
          status: "succeeded",
        });
      }
      const page = /^\/checkout\/([\w-]+)(\/pay)?$/.exec(url.pathname);
      const s = page?.[1] ? sessions.get(page[1]) : undefined;
      if (page && !s) return html(res, 404, "<p>No such checkout session.</p>");
      if (s && req.method === "GET" && !page?.[2]) {
        return html(
          res,
          200,
          `<main><h1>Fake Stripe Checkout</h1><p>Pay <strong data-testid="amount">${s.amount} ${escapeHtml(s.currency.toUpperCase())}</strong> for ${escapeHtml(s.reference)}</p>` +
            `<form method="post" action="/checkout/${s.id}/pay"><button type="submit">Pay</button></form>` +
            `<p><a href="${escapeHtml(s.cancelUrl)}">Cancel</a></p></main>`,
        );
      }
      if (s && req.method === "POST" && page?.[2]) {
        const status = await deliverCompleted(s);
        if (status !== 200) return html(res, 502, `<p>The webhook answered ${status}.</p>`);
        s.paid = true;
        res.writeHead(303, { location: s.successUrl });
        return res.end();
      }
      json(res, 404, {
        error: { type: "invalid_request_error", message: `no fake for ${req.method} ${url.pathname}` },
      });
    })().catch((e: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(e instanceof Error ? e.message : "error");
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, host, resolve));
  return { url: base, sessions, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
