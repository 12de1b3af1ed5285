import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth-options";
import { errorResponse } from "@/lib/http";
import { BODY_LIMITS, readBodyCapped } from "@/lib/server/read-body";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  return (NextAuth(authOptions()) as (req: Request, ctx: Ctx) => Promise<Response>)(req, ctx);
}

/** Sign-in and sign-out posts are a few short fields; the body is capped before next-auth reads it. */
async function post(req: Request, ctx: Ctx): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyCapped(req, BODY_LIMITS.smallJson);
  } catch (e) {
    return errorResponse(e);
  }
  return handler(
    new NextRequest(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) }),
    ctx,
  );
}

export { handler as GET, post as POST };
