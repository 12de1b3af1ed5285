import http from "node:http";
import net from "node:net";

// A TCP proxy in front of PostgreSQL that tests can break on purpose: "down" drops every
// connection and refuses new ones (a database that stopped); "cut-on-commit" forwards
// a transaction's statements but drops the connection when its COMMIT arrives, so
// the server never sees the commit (a crash in the middle of a submission).
export type ProxyMode = "up" | "down" | "cut-on-commit";

export class FaultyProxy {
  private mode: ProxyMode = "up";
  private readonly sockets = new Set<net.Socket>();
  private server?: net.Server;
  private control?: http.Server;
  cuts = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === "down") this.dropAll();
  }

  private dropAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  listen(port: number): Promise<void> {
    this.server = net.createServer((client) => {
      if (this.mode === "down") {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(client).add(upstream);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on("data", (chunk: Buffer) => {
        // Simple-query 'Q' or extended-protocol text: either way the bytes spell COMMIT.
        if (this.mode === "cut-on-commit" && chunk.includes("COMMIT")) {
          this.cuts++;
          this.mode = "down";
          this.dropAll();
          return;
        }
        if (this.mode === "down") return close();
        upstream.write(chunk);
      });
      upstream.on("data", (chunk: Buffer) => client.write(chunk));
      client.on("error", close).on("close", close);
      upstream.on("error", close).on("close", close);
    });
    return new Promise((resolve) => this.server?.listen(port, "127.0.0.1", () => resolve()));
  }

  /** A tiny control API: POST /mode/up|down|cut-on-commit, GET /state. Loopback only. */
  listenControl(port: number): Promise<void> {
    this.control = http.createServer((req, res) => {
      const m = /^\/mode\/(up|down|cut-on-commit)$/.exec(req.url ?? "");
      if (req.method === "POST" && m?.[1]) this.setMode(m[1] as ProxyMode);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ mode: this.mode, cuts: this.cuts }));
    });
    return new Promise((resolve) => this.control?.listen(port, "127.0.0.1", () => resolve()));
  }

  close(): void {
    this.dropAll();
    this.server?.close();
    this.control?.close();
  }
}
