import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/config";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormErrors } from "@/components/ui/form/action-form";
import { FormFeedback } from "@/components/ui/form/transition-form";
import { useFormErrors } from "@/components/ui/form/form-errors";
import { labelOf } from "@/components/ui/form/form-text";
import type { FormState, PortalFormState } from "@/lib/form-state";

// The error summary names the field each error is about (WCAG 3.3.1): two empty required
// fields must not read as the same message twice. It does so in the server-rendered HTML,
// since portal forms work without JavaScript (ADR 0008), so these render on the server.

async function render(locale: AppLocale, node: ReactNode): Promise<string> {
  const messages = await loadMessages(locale);
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Tokyo">
      {node}
    </NextIntlClientProvider>,
  );
}

/** Each summary link's target and text, in order. */
function links(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({
    href: m[1] ?? "",
    text: m[2] ?? "",
  }));
}

describe("labelOf", () => {
  const labels = { reference: "お問い合わせ番号", grounds: "理由", "attachments.0": "1つ目のファイル" };

  it("gives a field its own label", () => {
    expect(labelOf(labels, "reference")).toBe("お問い合わせ番号");
    expect(labelOf(labels, "attachments.0")).toBe("1つ目のファイル");
  });

  it("gives a nested name without a label the closest parent's (the group's legend)", () => {
    expect(labelOf(labels, "grounds.0.explanation")).toBe("理由");
  });

  it("gives a name the form does not show no label, never the raw name or Object's own keys", () => {
    expect(labelOf(labels, "email")).toBeUndefined();
    expect(labelOf(labels, "constructor")).toBeUndefined();
    expect(labelOf(labels, "__proto__.x")).toBeUndefined();
    expect(labelOf(undefined, "reference")).toBeUndefined();
  });
});

describe("ErrorSummary", () => {
  const items = [
    { fieldId: "f-reference", label: "お問い合わせ番号", message: "入力してください。" },
    { fieldId: "f-email", label: "メールアドレス", message: "入力してください。" },
    { message: "しばらくしてからもう一度お試しください。" },
  ];

  it("says the field's label with its message in Japanese, and leaves a form-level error as it is", async () => {
    const html = await render("ja", <ErrorSummary title="入力内容を確認してください" items={items} />);
    expect(links(html)).toEqual([
      { href: "#f-reference", text: "お問い合わせ番号：入力してください。" },
      { href: "#f-email", text: "メールアドレス：入力してください。" },
    ]);
    expect(html).toContain("<li>しばらくしてからもう一度お試しください。</li>");
  });

  it("uses the English pattern in English", async () => {
    const en = [{ fieldId: "f-reference", label: "Reference number", message: "This field is required." }];
    const html = await render("en", <ErrorSummary title="Please check your answers" items={en} />);
    expect(links(html)).toEqual([{ href: "#f-reference", text: "Reference number: This field is required." }]);
  });
});

describe("the form kit's summaries", () => {
  it("FormErrors (portal) names each field by its label, links to it, and keeps _form as it is", async () => {
    const state: PortalFormState = {
      nonce: 1,
      values: {},
      fieldErrors: {
        reference: ["requests.errors.required"],
        email: ["requests.errors.required"],
        _form: ["errors.codes.RATE_LIMITED"],
      },
    };
    const labels = { reference: "Reference number", email: "Email address" };
    const html = await render("en", <FormErrors state={state} text={(k) => k} labels={labels} />);
    expect(links(html)).toEqual([
      { href: "#f-reference", text: "Reference number: requests.errors.required" },
      { href: "#f-email", text: "Email address: requests.errors.required" },
    ]);
    expect(html).toContain("<li>errors.codes.RATE_LIMITED</li>");
  });

  it("FormFeedback (console) names each field, a nested one by its group's legend", async () => {
    const state: FormState = {
      status: "error",
      code: "INVALID_INPUT",
      fieldErrors: { explanation: ["errors.required"], "grounds.0.explanation": ["errors.required"] },
    };
    const labels = { explanation: "理由の説明", grounds: "不開示等の理由" };
    const html = await render("ja", <FormFeedback state={state} prefix="decision" labels={labels} />);
    const [first, second] = links(html);
    expect(first?.href).toBe("#decision-explanation");
    expect(first?.text).toMatch(/^理由の説明：\S/);
    expect(second?.href).toBe("#decision-grounds-0-explanation");
    expect(second?.text).toMatch(/^不開示等の理由：\S/);
  });

  it("useFormErrors (fee forms) names the fields it was given and lists a statement's line without one", async () => {
    const state: FormState = {
      status: "error",
      code: "INVALID_INPUT",
      fieldErrors: { reason: ["errors.required"], "lines.12": ["errors.required"] },
    };
    function Summary() {
      const { items } = useFormErrors(state, "waive", { reason: "Reason for waiving" });
      return <ErrorSummary title="Please check your answers" items={items} />;
    }
    const html = await render("en", <Summary />);
    const [reason] = links(html);
    expect(links(html)).toHaveLength(1);
    expect(reason?.href).toBe("#waive-reason");
    expect(reason?.text).toMatch(/^Reason for waiving: \S/);
  });
});
