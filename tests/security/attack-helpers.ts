import fs from "node:fs";
import http from "node:http";
import type { Browser } from "@playwright/test";
import { E2E_PORT } from "../e2e/e2e-env";

// What an outsider does with plain HTTP: replay the sign-in form's post (captured once from
// a browser, as anyone can from their own), send huge bodies, forge headers.

export type CapturedPost = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Submits the staff sign-in form once in a browser and keeps the post it made (the server
 * action's id, the multipart body with the email and password typed): the recipe for
 * replaying the password step over HTTP.
 */
export async function captureSignInPost(
  browser: Browser,
  baseURL: string,
  email: string,
  password: string,
  forwardedFor: string,
): Promise<CapturedPost> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": forwardedFor } });
  const page = await context.newPage();
  await page.goto("/console/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/console/sign-in")),
    page.locator("main form button[type=submit]").click(),
  ]);
  await page.waitForLoadState("networkidle");
  const all = await request.allHeaders();
  const keep = ["next-action", "next-router-state-tree", "content-type", "accept", "origin"];
  const headers = Object.fromEntries(Object.entries(all).filter(([k]) => keep.includes(k.toLowerCase())));
  const body = request.postDataBuffer() ?? Buffer.alloc(0);
  await context.close();
  return { url: request.url(), headers, body };
}

/** The answer of a replayed password step: what the form would show. */
export type SignInOutcome = "throttled" | "refused" | "challenge" | `http ${number}` | "failed";

export async function replaySignIn(post: CapturedPost, forwardedFor: string, url = post.url): Promise<SignInOutcome> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { ...post.headers, "x-forwarded-for": forwardedFor },
      body: new Uint8Array(post.body),
    });
    const text = await res.text();
    if (res.status !== 200) return `http ${res.status}`;
    if (text.includes('"RATE_LIMITED"')) return "throttled";
    if (text.includes('"UNAUTHENTICATED"')) return "refused";
    if (text.includes('"challenge"')) return "challenge";
    return "failed";
  } catch {
    return "failed";
  }
}

/** The process listening on the port (the app server), found through /proc. */
export function serverPid(port = E2E_PORT): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local address "0000:0D52", state 0A = LISTEN, inode in column 10.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A" && cols[9]) inodes.add(cols[9]);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1] && inodes.has(m[1])) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

/** Resident memory of a process in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m?.[1]) throw new Error("no VmRSS");
  return Number(m[1]) * 1024;
}

/**
 * Posts `megabytes` of zeros, streamed from one reused 1 MB chunk (the test itself holds
 * no big buffer), with or without a Content-Length. Resolves with the status the server
 * answered, which may come before the body is fully sent.
 */
export function postHugeBody(
  path: string,
  megabytes: number,
  opts: { declareLength: boolean; headers?: Record<string, string> },
): Promise<number> {
  const chunk = Buffer.alloc(1024 * 1024);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: E2E_PORT,
        path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(opts.declareLength
            ? { "content-length": String(megabytes * chunk.length) }
            : { "transfer-encoding": "chunked" }),
          ...opts.headers,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    let sent = 0;
    const pump = () => {
      while (sent < megabytes) {
        sent++;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    // The server may close the connection once it has answered; a reset before any answer is -1.
    req.on("error", (e) => (sent > 0 ? resolve(-1) : reject(e)));
    pump();
  });
}
