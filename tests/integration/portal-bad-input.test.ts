import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { submitRequest } from "@/lib/requests/submit-request";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { addDraftUpload, newDraftKey } from "@/lib/uploads/draft-uploads";
import { AppError } from "@/lib/errors";
import { minimalPdf, windowsExecutable } from "@/tests/fixtures/files/build-fixtures";
import {
  disclosureInput,
  idempotencyKey,
  latestCodeSentTo,
  person,
  rowCounts,
  seedPolicy,
  wrongCode,
} from "./portal-helpers";

// Issue 4, "Done when": bad input is refused with a clear message and nothing is saved.

const t0 = new Date("2026-11-30T03:00:00Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);

type Attempt = { draftKey: string; fileId: string; code: string };

async function prepare(): Promise<Attempt> {
  const draftKey = newDraftKey();
  const file = await addDraftUpload({ draftKey, file: { bytes: minimalPdf(), name: "passport.pdf" }, now: t0 });
  await sendEmailConfirmationCode({ email: person.email, locale: "ja", now: t0 });
  return { draftKey, fileId: file.id, code: await latestCodeSentTo(person.email) };
}

function submit(
  a: Attempt,
  opts: {
    subject?: Record<string, unknown>;
    extra?: Record<string, unknown>;
    code?: string;
    now?: Date;
    draftKey?: string;
  } = {},
) {
  const input = disclosureInput([{ fileId: a.fileId, kind: "PASSPORT", holder: "SUBJECT" }], {
    subject: { ...person, ...opts.subject },
    ...opts.extra,
  });
  return submitRequest({
    input,
    draftKey: opts.draftKey ?? a.draftKey,
    emailCode: opts.code ?? a.code,
    idempotencyKey: idempotencyKey(),
    locale: "ja",
    now: opts.now ?? later(60),
  });
}

type Case = { name: string; run: (a: Attempt) => Promise<unknown>; code: string; field?: string; key?: string };

const cases: Case[] = [
  {
    name: "an empty name",
    run: (a) => submit(a, { subject: { name: "　" } }),
    code: "INVALID_INPUT",
    field: "subject.name",
    key: "errors.required",
  },
  {
    name: "an over-long address",
    run: (a) => submit(a, { subject: { addressLine: "一".repeat(201) } }),
    code: "INVALID_INPUT",
    field: "subject.addressLine",
    key: "errors.tooLong",
  },
  {
    name: "an over-long name in kana",
    run: (a) => submit(a, { subject: { nameKana: "ア".repeat(101) } }),
    code: "INVALID_INPUT",
    field: "subject.nameKana",
    key: "errors.tooLong",
  },
  {
    name: "an invalid date of birth",
    run: (a) => submit(a, { subject: { birthDate: "1990-02-30" } }),
    code: "INVALID_INPUT",
    field: "subject.birthDate",
    key: "errors.date",
  },
  {
    name: "a date of birth in the future",
    run: (a) => submit(a, { subject: { birthDate: "2030-01-01" } }),
    code: "INVALID_INPUT",
    field: "subject.birthDate",
    key: "errors.birthDateInFuture",
  },
  {
    name: "an invalid postal code",
    run: (a) => submit(a, { subject: { postalCode: "12-34567" } }),
    code: "INVALID_INPUT",
    field: "subject.postalCode",
    key: "errors.postalCode",
  },
  {
    name: "no declaration",
    run: (a) => submit(a, { extra: { declarationAccepted: false } }),
    code: "INVALID_INPUT",
    field: "declarationAccepted",
    key: "errors.declarationRequired",
  },
  {
    name: "a file from another draft",
    run: (a) => submit(a, { draftKey: newDraftKey() }),
    code: "INVALID_INPUT",
    field: "documents.files.0.fileId",
    key: "errors.fileMissing",
  },
  {
    name: "an .exe renamed .pdf",
    run: (a) => addDraftUpload({ draftKey: a.draftKey, file: { bytes: windowsExecutable(), name: "passport.pdf" } }),
    code: "INVALID_INPUT",
    field: "file",
    key: "errors.fileType",
  },
  {
    name: "a 50 MB file",
    run: (a) =>
      addDraftUpload({
        draftKey: a.draftKey,
        file: { bytes: Buffer.concat([minimalPdf(), Buffer.alloc(50 * 1024 * 1024)]), name: "scan.pdf" },
      }),
    code: "INVALID_INPUT",
    field: "file",
    key: "errors.fileTooLarge",
  },
  {
    name: "a wrong code six times (the sixth right)",
    run: async (a) => {
      for (let i = 0; i < 5; i++)
        await submit(a, { code: wrongCode(a.code) }).catch((e: unknown) =>
          expect(e).toMatchObject({ code: "CODE_INVALID" }),
        );
      return submit(a);
    },
    code: "CODE_INVALID",
    field: "code",
    key: "errors.codeInvalid",
  },
  {
    name: "an expired code",
    run: (a) => submit(a, { now: later(601) }),
    code: "CODE_INVALID",
    field: "code",
    key: "errors.codeInvalid",
  },
  {
    name: "a malformed code",
    run: (a) => submit(a, { code: "12345" }),
    code: "INVALID_INPUT",
    field: "code",
    key: "errors.code",
  },
];

describe("bad input leaves nothing behind", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it.each(cases)("refuses $name", async ({ run, code, field, key }) => {
    const attempt = await prepare();
    const before = await rowCounts();
    const error = await run(attempt).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (field) expect((error as AppError).fieldErrors?.[field]).toContain(key);
    expect(await rowCounts()).toEqual(before);
  });

  it("opens nothing with an altered status link, and another request's link opens only that request", async () => {
    const { fileDisclosure } = await import("./portal-helpers");
    const { sessionFromStatusToken } = await import("@/lib/requester/status-access");
    const { resolveRequesterSession } = await import("@/lib/requester/requester-session");
    const { downloadNoticeFile } = await import("@/lib/requester/package-download");
    const mine = await fileDisclosure({ now: t0 });
    const theirs = await fileDisclosure({ email: "ken.sato@example.com", now: t0 });
    const before = await rowCounts();
    await expect(
      sessionFromStatusToken({
        token: `${mine.statusToken.slice(0, -1)}${mine.statusToken.endsWith("A") ? "B" : "A"}`,
        now: later(5),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
    const session = await resolveRequesterSession(
      (await sessionFromStatusToken({ token: theirs.statusToken, now: later(5) })).sessionToken,
      later(5),
    );
    expect(session.requestId).toBe(theirs.requestId);
    const myNotice = await prisma.notice.findFirstOrThrow({ where: { requestId: mine.requestId } });
    const afterSession = await rowCounts();
    await expect(downloadNoticeFile({ session, noticeId: myNotice.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(afterSession);
  });

  it("refuses a reused code", async () => {
    const attempt = await prepare();
    await submit(attempt);
    const second = await addDraftUpload({
      draftKey: attempt.draftKey,
      file: { bytes: minimalPdf(), name: "passport.pdf" },
      now: t0,
    });
    const before = await rowCounts();
    const error = await submit({ ...attempt, fileId: second.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CODE_INVALID" });
    expect(await rowCounts()).toEqual(before);
  });
});
