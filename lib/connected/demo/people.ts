import type { IdentityValues } from "../engine/types";

// The demo people. The first four are the people lib/seed/demo-requests.ts files requests for;
// the rest are look-alikes the engine must NOT mistake for them (a similar email, a shared phone,
// the same kana with another birthday, NULL identities). Values are stored the way real systems
// hold them: mixed-case email, full-width digits and hyphens, spaces in kana.

type Rows = Record<string, Array<Record<string, string | number | boolean | null>>>;

export const demoIdentities = {
  hanako: { email: "hanako.yamada@example.com", phone: "090-1234-5678", name: "山田 花子", nameKana: "ヤマダ ハナコ", birthDate: "1990-04-01" },
  ken: { email: "ken.sato@example.com", name: "佐藤 健", nameKana: "サトウ ケン" },
  ichiro: { email: "ichiro.suzuki@example.com", name: "鈴木 一郎", nameKana: "スズキ イチロウ" },
  misaki: { email: "misaki.tanaka@example.com", name: "田中 美咲" },
} satisfies Record<string, IdentityValues>;

export const DEMO_ID_BASE = 9_000_000;
const id = (n: number) => DEMO_ID_BASE + n;

export const demoRows: Rows = {
  members: [
    { id: id(1), member_no: "M-900001", name: "山田 花子", name_kana: "ヤマダ　ハナコ", email: "Hanako.Yamada@Example.com", phone: "０９０－１２３４－５６７８", postal_code: "530-0001", address: "大阪府大阪市北区梅田1-1-1", birth_date: "1990-04-01", suspended: false, created_at: "2023-05-10 10:00:00" },
    { id: id(2), member_no: "M-900002", name: "山田 花", name_kana: "ヤマダ ハナ", email: "hanako.yamada@example.co.jp", phone: "090-1234-5679", postal_code: "530-0002", address: "大阪府大阪市北区曽根崎2-2-2", birth_date: "1990-04-01", suspended: false, created_at: "2023-06-01 09:00:00" },
    { id: id(3), member_no: "M-900003", name: "山田 花子", name_kana: "ヤマダ ハナコ", email: null, phone: null, postal_code: null, address: "京都府京都市中京区3-3", birth_date: "1991-04-01", suspended: false, created_at: "2023-07-01 09:00:00" },
    { id: id(4), member_no: "M-900004", name: "山田 花子", name_kana: "ヤマダ ハナコ", email: "hanako.yamada2@example.com", phone: "080-1111-2222", postal_code: null, address: null, birth_date: null, suspended: false, created_at: "2023-08-01 09:00:00" },
    { id: id(5), member_no: "M-900005", name: "山田 太郎", name_kana: "ヤマダ タロウ", email: "taro.yamada@example.com", phone: "090-1234-5678", postal_code: "530-0001", address: "大阪府大阪市北区梅田1-1-1", birth_date: "1988-01-15", suspended: false, created_at: "2023-05-11 10:00:00" },
    { id: id(11), member_no: "M-900011", name: "佐藤 健", name_kana: "サトウ ケン", email: "ken.sato@example.com", phone: "03-1234-0000", postal_code: "150-0002", address: "東京都渋谷区渋谷2-2-20", birth_date: "1985-09-09", suspended: false, created_at: "2022-01-01 09:00:00" },
    { id: id(21), member_no: "M-900021", name: "鈴木 一郎", name_kana: "スズキ イチロウ", email: "ichiro.suzuki@example.com", phone: "+81 80-9999-0000", postal_code: null, address: null, birth_date: "1979-12-31", suspended: false, created_at: "2021-03-03 09:00:00" },
  ],
  login_history: [
    { id: id(1), member_id: id(1), logged_in_at: "2026-10-01 08:00:00", ip_address: "203.0.113.10", user_agent: "Mozilla/5.0 (iPhone)" },
    { id: id(2), member_id: id(1), logged_in_at: "2026-10-05 21:30:00", ip_address: "203.0.113.11", user_agent: "Mozilla/5.0 (Windows NT 10.0)" },
    { id: id(3), member_id: id(2), logged_in_at: "2026-10-02 12:00:00", ip_address: "198.51.100.2", user_agent: "Mozilla/5.0 (Macintosh)" },
    { id: id(4), member_id: id(5), logged_in_at: "2026-10-03 12:00:00", ip_address: "198.51.100.5", user_agent: "Mozilla/5.0 (Android)" },
    { id: id(11), member_id: id(11), logged_in_at: "2026-09-01 07:00:00", ip_address: "192.0.2.11", user_agent: "Mozilla/5.0 (iPad)" },
  ],
  access_logs: [
    { id: id(1), member_id: id(1), accessed_at: "2026-10-01 07:59:00", ip_address: "203.0.113.10", host_name: "p1.example.ne.jp", cookie_id: "c-hanako-1" },
    { id: id(21), member_id: id(21), accessed_at: "2026-10-20 10:00:00", ip_address: "192.0.2.21", host_name: "p21.example.ne.jp", cookie_id: "c-ichiro-1" },
    { id: id(22), member_id: id(21), accessed_at: "2026-10-21 10:00:00", ip_address: "192.0.2.21", host_name: "p21.example.ne.jp", cookie_id: "c-ichiro-1" },
    { id: id(30), member_id: null, accessed_at: "2026-10-21 11:00:00", ip_address: "192.0.2.99", host_name: null, cookie_id: "c-anon" },
  ],
  contracts: [
    { id: id(1), member_id: id(1), plan_name: "プレミアム", started_on: "2023-05-10", billing_address: "大阪府大阪市北区梅田1-1-1" },
    { id: id(2), member_id: id(2), plan_name: "ベーシック", started_on: "2023-06-01", billing_address: "大阪府大阪市北区曽根崎2-2-2" },
    { id: id(5), member_id: id(5), plan_name: "ベーシック", started_on: "2023-05-11", billing_address: "大阪府大阪市北区梅田1-1-1" },
    { id: id(11), member_id: id(11), plan_name: "プレミアム", started_on: "2022-01-01", billing_address: "東京都渋谷区渋谷2-2-20" },
  ],
  payments: [
    { id: id(1), contract_id: id(1), amount: 1980, card_holder: "HANAKO YAMADA", card_last4: "4242", card_expiry: "12/28", bank_account: null, paid_at: "2026-09-01 00:00:00" },
    { id: id(2), contract_id: id(1), amount: 1980, card_holder: "HANAKO YAMADA", card_last4: "4242", card_expiry: "12/28", bank_account: null, paid_at: "2026-10-01 00:00:00" },
    { id: id(3), contract_id: id(2), amount: 980, card_holder: "HANA YAMADA", card_last4: "1111", card_expiry: "01/27", bank_account: null, paid_at: "2026-10-01 00:00:00" },
    { id: id(5), contract_id: id(5), amount: 980, card_holder: "TARO YAMADA", card_last4: "5555", card_expiry: "03/29", bank_account: null, paid_at: "2026-10-01 00:00:00" },
    { id: id(11), contract_id: id(11), amount: 1980, card_holder: null, card_last4: null, card_expiry: null, bank_account: "三菱UFJ銀行 渋谷支店 普通 1234567", paid_at: "2026-10-01 00:00:00" },
  ],
  refunds: [
    { id: id(1), payment_id: id(2), amount: 1980, reason: "二重請求", refunded_at: "2026-10-03 00:00:00" },
    { id: id(3), payment_id: id(3), amount: 980, reason: "解約", refunded_at: "2026-10-04 00:00:00" },
  ],
  inquiries: [
    { id: id(1), member_id: null, name: "山田 花子", email: "hanako.yamada@example.com", phone: null, subject: "退会方法について", received_at: "2026-10-06 10:00:00" },
    { id: id(2), member_id: id(2), name: "山田 花", email: "hanako.yamada@example.co.jp", phone: null, subject: "請求について", received_at: "2026-10-06 11:00:00" },
    { id: id(31), member_id: null, name: "田中 美咲", email: "Misaki.Tanaka@example.com", phone: "070-3333-4444", subject: "メールマガジンについて", received_at: "2026-11-01 09:00:00" },
  ],
  inquiry_messages: [
    { id: id(1), inquiry_id: id(1), body: "退会したいのですが、手続きを教えてください。", sent_at: "2026-10-06 10:00:00" },
    { id: id(2), inquiry_id: id(1), body: "会員番号は M-900001 です。", sent_at: "2026-10-06 10:05:00" },
    { id: id(3), inquiry_id: id(2), body: "10月分の請求が二重です。", sent_at: "2026-10-06 11:00:00" },
    { id: id(31), inquiry_id: id(31), body: "配信停止の方法を教えてください。", sent_at: "2026-11-01 09:00:00" },
  ],
  job_applicants: [
    { id: id(1), name: "山田 花子", name_kana: "ヤマダ ハナコ", email: "HANAKO.YAMADA@EXAMPLE.COM", phone: "090 1234 5678", birth_date: "1990-04-01", resume_summary: "営業職 5年", applied_at: "2025-02-01 10:00:00" },
    { id: id(2), name: "山田 花子", name_kana: "ヤマダ ハナコ", email: null, phone: null, birth_date: "1995-04-01", resume_summary: "事務職 2年", applied_at: "2025-03-01 10:00:00" },
  ],
  employees: [
    { id: id(1), employee_no: "E-0001", name: "高橋 直子", email: "naoko.takahashi@corp.example.jp", phone: "03-5555-0001", address: "東京都千代田区丸の内1-1", birth_date: "1980-02-02", bank_account: "みずほ銀行 本店 普通 7654321", health_note: "定期健診 異常なし" },
  ],
};

/** Tables in insertion order (referenced tables first). */
export const demoInsertOrder = ["members", "login_history", "access_logs", "contracts", "payments", "refunds", "inquiries", "inquiry_messages", "job_applicants", "employees"];
