// Short labels for the privacy policy's Art 2.1 items, for headings in the disclosure files.
export const categoryLabels: Record<number, { ja: string; en: string }> = {
  1: {
    ja: "サービス利用者の氏名・住所・メールアドレス・電話番号",
    en: "Service users' name, address, email and telephone",
  },
  2: { ja: "ログイン履歴・通信記録", en: "Login history and communication logs" },
  3: { ja: "お問い合わせの際の連絡先・メールアドレス等", en: "Contact details given with inquiries" },
  4: { ja: "決済に必要なクレジットカード情報・口座情報", en: "Payment card and bank account information" },
  5: { ja: "サービス利用契約に関して提供された情報", en: "Information given under the service agreement" },
  6: { ja: "ウェブサイトのアクセスログ", en: "Website access logs" },
  7: { ja: "応募書類に記載された情報", en: "Information in job application documents" },
  8: {
    ja: "従業員の氏名・住所・メールアドレス・電話番号・生年月日",
    en: "Employees' name, address, email, telephone, date of birth",
  },
  9: { ja: "従業員の口座情報その他給与計算に必要な情報", en: "Employees' account and payroll information" },
  10: { ja: "従業員の健康情報その他雇用管理に必要な情報", en: "Employees' health and employment information" },
  11: { ja: "取引開始時に取引先から開示された情報", en: "Information disclosed by business counterparties" },
};

export function categoryLabel(n: number, locale: "ja" | "en"): string {
  const l = categoryLabels[n];
  const prefix = locale === "ja" ? `第2条第1項(${n})` : `Art 2.1 (${n})`;
  return l ? `${prefix} ${l[locale]}` : prefix;
}
