import { parseDatasetMap, serializeMapYaml } from "../engine/map-schema";
import type { DatasetMap, Dialect, MapTable } from "../engine/types";

const c = (
  name: string,
  category: number,
  labelJa: string,
  labelEn: string,
  extra: Partial<MapTable["columns"][number]> = {},
) => ({ name, category, labelJa, labelEn, ...extra });
const hash = { kind: "keyed_hash" } as const;
const nul = { kind: "set_null" } as const;
const del = { kind: "delete_row" } as const;

/** The demo service's dataset map (the example in docs/connected-databases.md follows it). */
export function demoDatasetMap(dialect: Dialect): DatasetMap {
  return parseDatasetMap({
    version: 1,
    dialect,
    tables: [
      {
        name: "members",
        labelJa: "会員情報",
        labelEn: "Members",
        primaryKey: ["id"],
        suspension: { column: "suspended", value: true },
        identities: [
          { kind: "email", column: "email" },
          { kind: "phone", column: "phone" },
          { kind: "member_id", column: "member_no" },
          { kind: "name_birth_date", column: "name_kana", birthDateColumn: "birth_date" },
        ],
        columns: [
          c("member_no", 5, "会員番号", "Member number"),
          c("name", 1, "氏名", "Name", { erasure: { kind: "fixed", value: "削除済み" }, correctable: true }),
          c("name_kana", 1, "氏名（カナ）", "Name (kana)", { erasure: nul, correctable: true }),
          c("email", 1, "メールアドレス", "Email address", { erasure: hash, correctable: true }),
          c("phone", 1, "電話番号", "Telephone number", { erasure: nul, correctable: true }),
          c("postal_code", 1, "郵便番号", "Postal code", { erasure: nul, correctable: true }),
          c("address", 1, "住所", "Address", { erasure: nul, correctable: true }),
          c("birth_date", 5, "生年月日", "Date of birth", { erasure: nul, correctable: true }),
          c("created_at", 5, "登録日時", "Registered at"),
        ],
      },
      {
        name: "login_history",
        labelJa: "ログイン履歴",
        labelEn: "Login history",
        primaryKey: ["id"],
        deleteRowAllowed: true,
        references: [{ columns: ["member_id"], table: "members", refColumns: ["id"] }],
        columns: [
          c("logged_in_at", 2, "ログイン日時", "Logged in at"),
          c("ip_address", 2, "IPアドレス", "IP address", { erasure: del }),
          c("user_agent", 2, "ブラウザ情報", "Browser"),
        ],
      },
      {
        name: "access_logs",
        labelJa: "アクセスログ",
        labelEn: "Access logs",
        primaryKey: ["id"],
        deleteRowAllowed: true,
        references: [{ columns: ["member_id"], table: "members", refColumns: ["id"] }],
        columns: [
          c("accessed_at", 6, "アクセス日時", "Accessed at"),
          c("ip_address", 6, "IPアドレス", "IP address", { erasure: del }),
          c("host_name", 6, "ホスト名", "Host name"),
          c("cookie_id", 6, "Cookie ID", "Cookie ID"),
        ],
      },
      {
        name: "contracts",
        labelJa: "ご契約",
        labelEn: "Contracts",
        primaryKey: ["id"],
        references: [{ columns: ["member_id"], table: "members", refColumns: ["id"] }],
        columns: [
          c("plan_name", 5, "契約プラン", "Plan"),
          c("started_on", 5, "契約開始日", "Started on"),
          c("billing_address", 5, "請求先住所", "Billing address", { erasure: nul, correctable: true }),
        ],
      },
      {
        name: "payments",
        labelJa: "お支払い",
        labelEn: "Payments",
        primaryKey: ["id"],
        references: [{ columns: ["contract_id"], table: "contracts", refColumns: ["id"] }],
        columns: [
          c("amount", 4, "金額", "Amount"),
          c("card_holder", 4, "カード名義", "Cardholder name", { erasure: nul }),
          c("card_last4", 4, "カード番号（下4桁）", "Card number (last 4)"),
          c("card_expiry", 4, "有効期限", "Expiry", { erasure: nul }),
          c("bank_account", 4, "振込口座", "Bank account", { erasure: nul }),
          c("paid_at", 4, "支払日時", "Paid at"),
        ],
      },
      {
        name: "refunds",
        labelJa: "返金",
        labelEn: "Refunds",
        primaryKey: ["id"],
        references: [{ columns: ["payment_id"], table: "payments", refColumns: ["id"] }],
        columns: [
          c("amount", 4, "返金額", "Refund amount"),
          c("reason", 4, "返金理由", "Reason"),
          c("refunded_at", 4, "返金日時", "Refunded at"),
        ],
      },
      {
        name: "inquiries",
        labelJa: "お問い合わせ",
        labelEn: "Inquiries",
        primaryKey: ["id"],
        identities: [
          { kind: "email", column: "email" },
          { kind: "phone", column: "phone" },
        ],
        references: [{ columns: ["member_id"], table: "members", refColumns: ["id"] }],
        columns: [
          c("name", 3, "氏名", "Name", { erasure: { kind: "fixed", value: "削除済み" }, correctable: true }),
          c("email", 3, "メールアドレス", "Email address", { erasure: hash, correctable: true }),
          c("phone", 3, "電話番号", "Telephone number", { erasure: nul, correctable: true }),
          c("subject", 3, "件名", "Subject"),
          c("received_at", 3, "受付日時", "Received at"),
        ],
      },
      {
        name: "inquiry_messages",
        labelJa: "お問い合わせ内容",
        labelEn: "Inquiry messages",
        primaryKey: ["id"],
        deleteRowAllowed: true,
        references: [{ columns: ["inquiry_id"], table: "inquiries", refColumns: ["id"] }],
        columns: [c("body", 3, "問い合わせ内容", "Message", { erasure: del }), c("sent_at", 3, "送信日時", "Sent at")],
      },
      {
        name: "job_applicants",
        labelJa: "採用応募",
        labelEn: "Job applications",
        primaryKey: ["id"],
        deleteRowAllowed: true,
        identities: [
          { kind: "email", column: "email" },
          { kind: "phone", column: "phone" },
          { kind: "name_birth_date", column: "name", birthDateColumn: "birth_date" },
        ],
        columns: [
          c("name", 7, "氏名", "Name", { erasure: del }),
          c("name_kana", 7, "氏名（カナ）", "Name (kana)"),
          c("email", 7, "メールアドレス", "Email address"),
          c("phone", 7, "電話番号", "Telephone number"),
          c("birth_date", 7, "生年月日", "Date of birth"),
          c("resume_summary", 7, "履歴書の内容", "Résumé"),
          c("applied_at", 7, "応募日時", "Applied at"),
        ],
      },
      {
        // Employment records are kept under labour law: collected and disclosed, never masked by a request.
        name: "employees",
        labelJa: "従業員情報",
        labelEn: "Employee records",
        primaryKey: ["id"],
        identities: [
          { kind: "email", column: "email" },
          { kind: "phone", column: "phone" },
          { kind: "name_birth_date", column: "name", birthDateColumn: "birth_date" },
        ],
        columns: [
          c("employee_no", 8, "社員番号", "Employee number"),
          c("name", 8, "氏名", "Name", { correctable: true }),
          c("email", 8, "メールアドレス", "Email address", { correctable: true }),
          c("phone", 8, "電話番号", "Telephone number", { correctable: true }),
          c("address", 8, "住所", "Address", { correctable: true }),
          c("birth_date", 8, "生年月日", "Date of birth"),
          c("bank_account", 9, "給与振込口座", "Payroll bank account", { correctable: true }),
          c("health_note", 10, "健康情報", "Health information"),
        ],
      },
    ],
  });
}

export function demoMapYaml(dialect: Dialect): string {
  return serializeMapYaml(demoDatasetMap(dialect));
}
