import { describe, expect, it } from "vitest";
import { acknowledgementMail, type AcknowledgedRequest } from "@/lib/requests/acknowledgement-mail";
import { defaultSettings } from "@/lib/settings/settings-schema";

const base: AcknowledgedRequest = {
  reference: "DSR-2026-000123",
  type: "DISCLOSURE",
  locale: "en",
  requesterKind: "SELF",
  subjectName: "Hanako Yamada",
  agentName: null,
  arrivedAt: new Date("2026-11-30T15:30:00Z"),
  dueAt: new Date("2026-12-14T15:30:00Z"),
  fee: "AWAITING_PAYMENT",
  feeAmount: 5500,
  transferReference: "D2026000123",
  documentsByPost: false,
};
const link = "https://madoguchi.example/status/t/abc";

describe("acknowledgement mail", () => {
  it("gives the fee, bank account and transfer reference for a disclosure, dates in JST", () => {
    const m = acknowledgementMail(base, defaultSettings, link);
    expect(m.subject).toBe("[DSR-2026-000123] We have received your request");
    for (const s of [
      "¥5,500",
      "D2026000123",
      "Transfer reference: D2026000123",
      "Ordinary 1234567",
      "Received on: 1 December 2026",
      "15 December 2026",
      `View status: ${link}`,
    ])
      expect(m.text).toContain(s);
    expect(m.html).toContain(`href="${link}"`);
    expect(m.bodyText).not.toContain(link);
  });

  it("tells a person posting copies where to send them, and leaves out the fee when none is due", () => {
    const m = acknowledgementMail(
      {
        ...base,
        locale: "ja",
        type: "CORRECTION",
        fee: "NOT_REQUIRED",
        feeAmount: 0,
        transferReference: null,
        documentsByPost: true,
      },
      defaultSettings,
      link,
    );
    expect(m.text).toContain("〒542-0081 大阪府大阪市中央区南船場4-10-5 702");
    expect(m.text).not.toContain("振込参照番号");
    expect(m.text).toContain("2026年12月15日までの回答を目標");
  });

  it("addresses the agent and describes an inquiry without next steps for identity", () => {
    const m = acknowledgementMail(
      { ...base, locale: "ja", type: "INQUIRY", requesterKind: "SELF", fee: "NOT_REQUIRED", transferReference: null },
      defaultSettings,
      link,
    );
    expect(m.subject).toContain("お問い合わせを受け付けました");
    expect(m.text).not.toContain("本人確認書類");
    const agent = acknowledgementMail(
      { ...base, requesterKind: "APPOINTED_AGENT", agentName: "Ichiro Takahashi" },
      defaultSettings,
      link,
    );
    expect(agent.text).toContain("Dear Ichiro Takahashi (agent for Hanako Yamada),");
  });
});
