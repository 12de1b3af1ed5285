import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { requestStatusCode, sessionFromStatusToken, verifyStatusCode } from "@/lib/requester/status-access";
import { endRequesterSession, resolveRequesterSession } from "@/lib/requester/requester-session";
import { requesterView } from "@/lib/requester/requester-view";
import { fileDisclosure, latestCodeSentTo, rowCounts, seedPolicy, wrongCode } from "./portal-helpers";

const t0 = new Date("2026-11-30T03:00:00Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);

describe("status access", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("sends a code only when reference and email match, answering the same either way", async () => {
    const a = await fileDisclosure({ now: t0 });
    const before = await rowCounts();
    const codesBefore = await prisma.oneTimeCode.count();
    const wrongEmail = await requestStatusCode({
      input: { reference: a.reference, email: "other@example.com" },
      locale: "ja",
      now: later(5),
    });
    const wrongRef = await requestStatusCode({
      input: { reference: "DSR-2026-999999", email: a.email },
      locale: "ja",
      now: later(5),
    });
    expect(await rowCounts()).toEqual(before);
    expect(await prisma.oneTimeCode.count()).toBe(codesBefore);
    const right = await requestStatusCode({
      input: { reference: a.reference.toLowerCase(), email: a.email.toUpperCase() },
      locale: "ja",
      now: later(5),
    });
    expect(right).toEqual(wrongEmail);
    expect(right).toEqual(wrongRef);
    expect(await prisma.outboxMessage.count({ where: { kind: "code.STATUS_ACCESS", toAddress: a.email } })).toBe(1);
    // Asking again within a minute: the resend limit applies, but the answer is still the same.
    expect(
      await requestStatusCode({ input: { reference: a.reference, email: a.email }, locale: "ja", now: later(6) }),
    ).toEqual(right);
  });

  it("opens a two-hour session with the code; a wrong email looks exactly like a wrong code", async () => {
    const a = await fileDisclosure({ now: t0 });
    await requestStatusCode({ input: { reference: a.reference, email: a.email }, locale: "en", now: later(5) });
    const code = await latestCodeSentTo(a.email);
    const wrongEmail = await verifyStatusCode({
      input: { reference: a.reference, email: "other@example.com", code },
      now: later(10),
    }).catch((e: unknown) => e);
    const wrong = await verifyStatusCode({
      input: { reference: a.reference, email: a.email, code: wrongCode(code) },
      now: later(10),
    }).catch((e: unknown) => e);
    expect(wrongEmail).toMatchObject({ code: "CODE_INVALID", fieldErrors: { code: ["errors.codeInvalid"] } });
    expect(wrong).toMatchObject({ code: "CODE_INVALID", fieldErrors: { code: ["errors.codeInvalid"] } });
    const session = await verifyStatusCode({ input: { reference: a.reference, email: a.email, code }, now: later(20) });
    expect(session.expiresAt).toEqual(later(20 + 7200));
    const resolved = await resolveRequesterSession(session.sessionToken, later(30));
    expect(resolved.requestId).toBe(a.requestId);
    await expect(resolveRequesterSession(session.sessionToken, later(20 + 7200))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "requester.signed_in" } });
    expect(audit).toMatchObject({ actorType: "REQUESTER", requestId: a.requestId, data: { via: "code" } });
    await endRequesterSession(session.sessionToken, later(40));
    await expect(resolveRequesterSession(session.sessionToken, later(41))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("opens exactly the linked request from the mail link; another or altered token opens nothing", async () => {
    const a = await fileDisclosure({ now: t0 });
    const b = await fileDisclosure({ email: "ken.sato@example.com", now: t0 });
    const sa = await sessionFromStatusToken({ token: a.statusToken, now: later(5) });
    const view = await requesterView(await resolveRequesterSession(sa.sessionToken, later(6)), later(6));
    expect(view.reference).toBe(a.reference);
    expect(view.reference).not.toBe(b.reference);
    const before = await rowCounts();
    for (const token of [
      `${b.statusToken.slice(0, -2)}${b.statusToken.endsWith("xx") ? "yy" : "xx"}`,
      "short",
      `${a.statusToken}/../${b.statusToken}`,
    ]) {
      await expect(sessionFromStatusToken({ token, now: later(7) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("limits code requests per reference and address whether or not they match", async () => {
    for (let i = 0; i < 5; i++)
      await requestStatusCode({
        input: { reference: "DSR-2026-000777", email: "x@example.com" },
        locale: "ja",
        now: later(i),
      });
    await expect(
      requestStatusCode({
        input: { reference: "DSR-2026-000777", email: "x@example.com" },
        locale: "ja",
        now: later(9),
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(
      requestStatusCode({ input: { reference: "not-a-ref", email: "x@example.com" }, locale: "ja" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { reference: ["errors.reference"] } });
  });
});
