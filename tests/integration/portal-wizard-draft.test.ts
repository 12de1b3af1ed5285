import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { discardWizardDraft, loadWizardDraft, updateWizardDraft } from "@/lib/requests/wizard-draft";
import { addDraftUpload, listDraftUploads, newDraftKey, purgeExpiredDrafts } from "@/lib/uploads/draft-uploads";
import { fileExistsOnDisk } from "@/lib/files/file-store";
import { requestSubmissionSchema } from "@/lib/requests/request-schemas";
import {
  detailsInput,
  firstIncompleteStep,
  formValuesFrom,
  holderFor,
  stepReachable,
  submissionInput,
  unflatten,
  type WizardDraft,
} from "@/lib/requests/wizard-values";
import { addWizardUpload, readWizardUpload } from "@/lib/uploads/wizard-upload";
import { jpegWithMetadata, minimalPdf, windowsExecutable } from "@/tests/fixtures/files/build-fixtures";

const t0 = new Date("2026-11-30T03:00:00Z");
const subject = {
  name: "山田 花子",
  nameKana: "やまだ はなこ",
  birthDate: "１９９０/４/１",
  postalCode: "１０４００６１",
  prefecture: "東京都",
  city: "中央区",
  addressLine: "銀座1-2-3",
  email: "Hanako@Example.com",
  phone: "03-1234-5678",
  customerId: "",
  relationship: "SERVICE_USER",
};

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("the wizard's server-side draft", () => {
  beforeEach(resetDatabase);

  it("keeps answers sealed on disk, apart from the uploads, and forgets them on discard", async () => {
    const key = newDraftKey();
    expect(await loadWizardDraft(key, t0)).toBeNull();
    const saved = await updateWizardDraft(key, (d) => ({ ...d, answers: { ...d.answers, subject } }), t0);
    expect(saved.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
    await updateWizardDraft(key, (d) => ({ ...d, answers: { ...d.answers, type: { type: "DISCLOSURE" } } }), t0);
    const loaded = await loadWizardDraft(key, t0);
    expect(loaded?.answers).toEqual({ subject, type: { type: "DISCLOSURE" } });
    expect(loaded?.idempotencyKey).toBe(saved.idempotencyKey);

    // One blob, not an upload of the draft.
    const rows = await prisma.storedFile.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe("SCAN");
    await addDraftUpload({ draftKey: key, file: { bytes: minimalPdf(), name: "passport.pdf" }, now: t0 });
    expect(await listDraftUploads({ draftKey: key, now: t0 })).toHaveLength(1);

    // Another key sees nothing; a malformed key is simply no draft.
    expect(await loadWizardDraft(newDraftKey(), t0)).toBeNull();
    expect(await loadWizardDraft("../../etc", t0)).toBeNull();

    const storageKey = rows[0]?.storageKey ?? "";
    await discardWizardDraft(key);
    expect(await loadWizardDraft(key, t0)).toBeNull();
    expect(await fileExistsOnDisk(storageKey)).toBe(false);
    expect(await listDraftUploads({ draftKey: key, now: t0 })).toHaveLength(1);
  });

  it("expires with the draft and is purged like an unsubmitted upload", async () => {
    const key = newDraftKey();
    await updateWizardDraft(key, (d) => ({ ...d, answers: { type: { type: "CORRECTION" } } }), t0);
    expect(await loadWizardDraft(key, new Date(t0.getTime() + 25 * 3600_000))).toBeNull();
    expect(await purgeExpiredDrafts({ now: new Date(t0.getTime() + 25 * 3600_000) })).toBe(1);
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("does not lose answers when two changes race", async () => {
    const key = newDraftKey();
    await updateWizardDraft(key, (d) => d, t0);
    await Promise.all(
      ["DRIVERS_LICENSE", "PASSPORT", "POWER_OF_ATTORNEY"].map((kind, i) =>
        updateWizardDraft(
          key,
          (d) => ({ ...d, files: [...d.files, { fileId: `f${i}`, kind: kind as "PASSPORT", holder: "AGENT" }] }),
          t0,
        ),
      ),
    );
    expect((await loadWizardDraft(key, t0))?.files.map((f) => f.fileId).sort()).toEqual(["f0", "f1", "f2"]);
    expect(await prisma.storedFile.count()).toBe(1);
  });
});

describe("wizard answers", () => {
  it("turns flat form fields into the step schemas' input", () => {
    const values = formValuesFrom(
      form([
        ["agent.name", "高橋"],
        ["items.1.current", "旧"],
        ["categories", "1"],
        ["categories", "3"],
        ["intent", "next"],
        ["$ACTION_ID_x", ""],
      ]),
    );
    expect(values).toEqual({ "agent.name": "高橋", "items.1.current": "旧", categories: ["1", "3"] });
    expect(unflatten(values)).toEqual({
      agent: { name: "高橋" },
      items: [undefined, { current: "旧" }],
      categories: ["1", "3"],
    });
  });

  it("opens a step only when every earlier one is complete, and builds a valid submission", () => {
    const draft: WizardDraft = {
      idempotencyKey: "k".repeat(20),
      answers: {},
      files: [],
      declarationAccepted: false,
      codeSentTo: null,
    };
    expect(firstIncompleteStep(draft)).toBe("type");
    expect(stepReachable("subject", draft)).toBe(false);
    draft.answers = {
      type: { type: "CORRECTION" },
      requester: { requesterKind: "SELF", "agent.name": "ignored for SELF" },
      subject,
      details: {
        CORRECTION: {
          action: "CORRECT",
          itemCount: "1",
          "items.0.category": "1",
          "items.0.current": "旧住所",
          "items.0.corrected": "新住所",
          "items.1.current": "dropped row",
        },
      },
      documents: {},
    };
    expect(detailsInput(draft, "CORRECTION").items).toEqual([
      { category: "1", current: "旧住所", corrected: "新住所" },
    ]);
    expect(firstIncompleteStep(draft)).toBe("documents");
    expect(stepReachable("documents", draft)).toBe(true);
    expect(stepReachable("review", draft)).toBe(false);
    draft.files = [{ fileId: "file1", kind: "PASSPORT", holder: holderFor("SELF", "PASSPORT") }];
    draft.declarationAccepted = true;
    expect(firstIncompleteStep(draft)).toBe("review");
    expect(stepReachable("confirm", draft)).toBe(false);
    const parsed = requestSubmissionSchema.safeParse(submissionInput(draft));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.subject).toMatchObject({
      nameKana: "ヤマダ ハナコ",
      birthDate: "1990-04-01",
      postalCode: "104-0061",
      email: "hanako@example.com",
    });

    // A relationship that no longer fits the chosen category sends the person back to the details.
    draft.answers.subject = { ...subject, relationship: "JOB_APPLICANT" };
    expect(firstIncompleteStep(draft)).toBe("details");
  });

  it("names whose document it is", () => {
    expect(holderFor("SELF", "PASSPORT")).toBe("SUBJECT");
    expect(holderFor("APPOINTED_AGENT", "PASSPORT")).toBe("AGENT");
    expect(holderFor("APPOINTED_AGENT", "POWER_OF_ATTORNEY")).toBe("AGENT");
    expect(holderFor("APPOINTED_AGENT", "SEAL_CERTIFICATE")).toBe("SUBJECT");
    expect(holderFor("LEGAL_REPRESENTATIVE", "FAMILY_REGISTER")).toBe("SUBJECT");
  });
});

describe("uploads on the documents step", () => {
  beforeEach(resetDatabase);

  it("records what each file is, refuses kinds the requester does not need and bad files, and previews only the own draft", async () => {
    const key = newDraftKey();
    const file = { bytes: jpegWithMetadata(), name: "licence.jpg" };
    // No "who is asking" yet: nothing to add to.
    await expect(addWizardUpload({ draftKey: key, input: { kind: "PASSPORT" }, file, now: t0 })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await updateWizardDraft(
      key,
      (d) => ({ ...d, answers: { requester: { requesterKind: "APPOINTED_AGENT" } }, declarationAccepted: true }),
      t0,
    );

    await expect(
      addWizardUpload({ draftKey: key, input: { kind: "FAMILY_REGISTER" }, file, now: t0 }),
    ).rejects.toMatchObject({ fieldErrors: { kind: ["errors.documentNotForRequester"] } });
    await expect(
      addWizardUpload({ draftKey: key, input: { kind: "SEAL_CERTIFICATE", issuedOn: "2099-01-01" }, file, now: t0 }),
    ).rejects.toMatchObject({ fieldErrors: { issuedOn: ["errors.dateInFuture"] } });
    await expect(
      addWizardUpload({ draftKey: key, input: { kind: "PASSPORT" }, file: null, now: t0 }),
    ).rejects.toMatchObject({ fieldErrors: { file: ["errors.required"] } });
    await expect(
      addWizardUpload({
        draftKey: key,
        input: { kind: "PASSPORT" },
        file: { bytes: windowsExecutable(), name: "id.pdf" },
        now: t0,
      }),
    ).rejects.toMatchObject({ fieldErrors: { file: ["errors.fileType"] } });
    expect(await listDraftUploads({ draftKey: key, now: t0 })).toHaveLength(0);

    const { upload, document } = await addWizardUpload({
      draftKey: key,
      input: { kind: "SEAL_CERTIFICATE", issuedOn: "２０２６/１１/１" },
      file,
      now: t0,
    });
    expect(document).toEqual({
      fileId: upload.id,
      kind: "SEAL_CERTIFICATE",
      holder: "SUBJECT",
      issuedOn: "2026-11-01",
    });
    const draft = await loadWizardDraft(key, t0);
    expect(draft?.files).toEqual([document]);
    expect(draft?.declarationAccepted).toBe(false);

    const preview = await readWizardUpload({ draftKey: key, fileId: upload.id, now: t0 });
    expect(preview.mimeType).toBe("image/jpeg");
    expect(preview.content.includes(Buffer.from("GPS-EXIF-MARKER"))).toBe(false);
    await expect(readWizardUpload({ draftKey: newDraftKey(), fileId: upload.id, now: t0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
