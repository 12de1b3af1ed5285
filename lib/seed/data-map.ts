// The company's systems of record and the Art 2.1 categories each holds. Corrections,
// deletions and suspensions become one task per system holding the affected items.
export const seedSystems = [
  {
    key: "members",
    nameJa: "会員管理システム",
    nameEn: "Member database",
    owner: "サービス運営部",
    categories: [1, 5],
  },
  { key: "billing", nameJa: "課金・請求システム", nameEn: "Billing", owner: "経理部", categories: [1, 4] },
  {
    key: "access-logs",
    nameJa: "アクセスログ基盤",
    nameEn: "Access and communication logs",
    owner: "インフラ部",
    categories: [2, 6],
  },
  {
    key: "support",
    nameJa: "お問い合わせ管理",
    nameEn: "Customer support desk",
    owner: "カスタマーサポート部",
    categories: [3],
  },
  {
    key: "marketing",
    nameJa: "メール配信システム",
    nameEn: "Email marketing",
    owner: "マーケティング部",
    categories: [1],
  },
  { key: "recruiting", nameJa: "採用管理システム", nameEn: "Recruiting", owner: "人事部", categories: [7] },
  { key: "hr", nameJa: "人事労務システム", nameEn: "HR and payroll", owner: "人事部", categories: [8, 9, 10] },
  { key: "partners", nameJa: "取引先管理", nameEn: "Business partner records", owner: "営業部", categories: [11] },
] as const;
