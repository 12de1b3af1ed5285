import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, createStaff, DAY, detailsFor, pdfText } from "@/tests/helpers/request-fixtures";
import { createOrUpdatePackage } from "@/lib/packages/create-package";
import { addPackageFile, removePackageFile } from "@/lib/packages/package-files";
import { attachProvisionRecords } from "@/lib/packages/provision-records";
import { publishPackage, recordPosting } from "@/lib/packages/publish-package";
import { recordProvision } from "@/lib/provisions/record-provision";
import { fileExistsOnDisk, readStoredFile } from "@/lib/files/file-store";
import { renderPdf } from "@/lib/pdf/pdf-document";

const decided = {
  identity: "VERIFIED" as const,
  fee: "PAID" as const,
  status: "DECIDED" as const,
  outcome: "FULFILLED" as const,
};
const csv = Buffer.from("日付,項目\n2026-01-01,ログイン\n", "utf8");

describe("disclosure packages", () => {
  beforeEach(resetDatabase);

  it("takes files checked by content, removes them from disk, and takes the requester's delivery method", async () => {
    const staff = await createStaff();
    const r = await createRequest({
      ...decided,
      details: { ...(detailsFor.DISCLOSURE as object), deliveryMethod: "POST" },
    });
    const p = await createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version: r.version } });
    expect((await prisma.disclosurePackage.findUniqueOrThrow({ where: { id: p.packageId } })).deliveryMethod).toBe(
      "POST",
    );
    const pdf = await renderPdf({ title: "t", lang: "ja" }, [{ kind: "paragraph", text: "会員情報" }]);
    const a = await addPackageFile({
      actor: staff,
      input: {
        requestId: r.id,
        version: p.version,
        file: { fileName: "members.pdf", content: pdf, mimeType: "text/plain" },
      },
    });
    const b = await addPackageFile({
      actor: staff,
      input: { requestId: r.id, version: a.version, file: { fileName: "logins.csv", content: csv } },
    });
    const files = await prisma.storedFile.findMany({ where: { requestId: r.id }, orderBy: { createdAt: "asc" } });
    expect(files.map((f) => [f.role, f.mimeType])).toEqual([
      ["DISCLOSURE_FILE", "application/pdf"],
      ["DISCLOSURE_FILE", "text/csv"],
    ]);
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
    await expect(
      addPackageFile({
        actor: staff,
        input: { requestId: r.id, version: b.version, file: { fileName: "tool.csv", content: exe } },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { file: ["console.errors.fileType"] } });
    await expect(
      addPackageFile({
        actor: staff,
        input: { requestId: r.id, version: b.version, file: { fileName: "notes.doc", content: csv } },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      addPackageFile({
        actor: staff,
        input: { requestId: r.id, version: a.version, file: { fileName: "x.csv", content: csv } },
      }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    const key = files[1]?.storageKey ?? "";
    await removePackageFile({ actor: staff, input: { requestId: r.id, version: b.version, fileId: b.fileId } });
    expect(await fileExistsOnDisk(key)).toBe(false);
    expect(await prisma.packageFile.count()).toBe(1);
  });

  it("blocks publishing until identity is verified, the fee settled and a disclosure decided", async () => {
    const staff = await createStaff();
    const cases = [
      [{ ...decided, identity: "PENDING" as const }, "console.package.blocked.identity"],
      [{ ...decided, fee: "AWAITING_PAYMENT" as const }, "console.package.blocked.fee"],
      [{ ...decided, status: "IN_PROGRESS" as const, outcome: undefined }, "console.package.blocked.decision"],
    ] as const;
    for (const [state, reason] of cases) {
      const r = await createRequest(state);
      const p = await createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version: r.version } });
      const f = await addPackageFile({
        actor: staff,
        input: { requestId: r.id, version: p.version, file: { fileName: "a.csv", content: csv } },
      });
      await expect(
        publishPackage({ actor: staff, input: { requestId: r.id, version: f.version } }),
      ).rejects.toMatchObject({ code: "INVALID_STATE", fieldErrors: { _form: [reason] } });
      expect((await prisma.disclosurePackage.findUniqueOrThrow({ where: { id: p.packageId } })).publishedAt).toBeNull();
    }
    const empty = await createRequest({ ...decided, fee: "WAIVED" });
    const p = await createOrUpdatePackage({ actor: staff, input: { requestId: empty.id, version: empty.version } });
    await expect(
      publishPackage({ actor: staff, input: { requestId: empty.id, version: p.version } }),
    ).rejects.toMatchObject({ fieldErrors: { _form: ["console.package.blocked.empty"] } });
  });

  it("publishes for download: link expiry from settings, notice with the status link, request closed", async () => {
    const staff = await createStaff();
    const now = new Date("2026-11-20T03:00:00Z");
    const r = await createRequest({ ...decided, fee: "WAIVED", email: "hanako@example.com" });
    const p = await createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version: r.version } });
    const f = await addPackageFile({
      actor: staff,
      input: { requestId: r.id, version: p.version, file: { fileName: "a.csv", content: csv } },
    });
    const res = await publishPackage({ actor: staff, input: { requestId: r.id, version: f.version }, now });
    expect(res).toMatchObject({ closed: true, expiresAt: new Date(now.getTime() + 14 * DAY) });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "CLOSED",
      closedAt: now,
    });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.PACKAGE_PUBLISHED" } });
    expect(mail.toAddress).toBe("hanako@example.com");
    expect(mail.text).toContain("/status");
    expect(mail.text).toContain("2026年12月4日");
    await expect(
      addPackageFile({
        actor: staff,
        input: { requestId: r.id, version: res.version, file: { fileName: "b.csv", content: csv } },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("by post: publishing, then the posting date and tracking number close the request", async () => {
    const staff = await createStaff();
    const r = await createRequest(decided);
    const p = await createOrUpdatePackage({
      actor: staff,
      input: { requestId: r.id, version: r.version, deliveryMethod: "POST" },
    });
    const f = await addPackageFile({
      actor: staff,
      input: { requestId: r.id, version: p.version, file: { fileName: "a.csv", content: csv } },
    });
    const pub = await publishPackage({ actor: staff, input: { requestId: r.id, version: f.version } });
    expect(pub).toMatchObject({ closed: false, expiresAt: null });
    const posted = await recordPosting({
      actor: staff,
      input: { requestId: r.id, version: pub.version, postedOn: "2026-11-21", trackingNumber: "1234-5678-9012" },
    });
    expect(posted.closed).toBe(true);
    expect(await prisma.disclosurePackage.findUniqueOrThrow({ where: { id: p.packageId } })).toMatchObject({
      trackingNumber: "1234-5678-9012",
      postedOn: new Date("2026-11-21T00:00:00Z"),
    });
  });

  it("adds the third-party provision records about the person as a PDF when asked for", async () => {
    const staff = await createStaff();
    const provision = {
      subjectName: "山田 花子",
      subjectNameKana: "ヤマダ ハナコ",
      categories: [1],
      items: "氏名、住所",
      basis: "OUTSOURCING" as const,
      providedOn: "2026-03-01",
    };
    await recordProvision({ actor: staff, input: { ...provision, recipientName: "株式会社サンプル物流" } });
    await recordProvision({
      actor: staff,
      input: { ...provision, subjectName: "山田花子", recipientName: "株式会社カナ一致" },
    });
    await recordProvision({
      actor: staff,
      input: { ...provision, recipientName: "別人宛株式会社", subjectBirthDate: "1970-01-01" },
    });
    await recordProvision({
      actor: staff,
      input: { ...provision, subjectName: "佐藤 健", subjectNameKana: "サトウ ケン", recipientName: "他人宛株式会社" },
    });
    const no = await createRequest(decided);
    const pn = await createOrUpdatePackage({ actor: staff, input: { requestId: no.id, version: no.version } });
    await expect(
      attachProvisionRecords({ actor: staff, input: { requestId: no.id, version: pn.version } }),
    ).rejects.toMatchObject({ fieldErrors: { _form: ["console.package.provisionRecordsNotRequested"] } });

    const r = await createRequest({
      ...decided,
      details: { ...(detailsFor.DISCLOSURE as object), includeProvisionRecords: true },
    });
    const p = await createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version: r.version } });
    const a = await attachProvisionRecords({ actor: staff, input: { requestId: r.id, version: p.version } });
    expect(a.records).toBe(2);
    const file = await prisma.storedFile.findUniqueOrThrow({ where: { id: a.fileId } });
    const text = await pdfText(await readStoredFile(file));
    expect(text).toContain("第三者提供記録の開示");
    expect(text).toContain("株式会社サンプル物流");
    expect(text).toContain("株式会社カナ一致");
    expect(text).not.toContain("別人宛株式会社");
    expect(text).not.toContain("他人宛株式会社");
    const again = await attachProvisionRecords({ actor: staff, input: { requestId: r.id, version: a.version } });
    expect(await prisma.packageFile.count({ where: { packageId: p.packageId } })).toBe(1);
    expect(await fileExistsOnDisk(file.storageKey)).toBe(false);
    expect(
      (await prisma.disclosurePackage.findUniqueOrThrow({ where: { id: p.packageId } })).includesProvisionRecords,
    ).toBe(true);
    expect(again.version).toBe(a.version + 1);
  });
});
