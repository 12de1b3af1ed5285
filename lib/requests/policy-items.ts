import { Relationship } from "@/lib/generated/prisma/enums";

// The numbered lists of the privacy policy that requesters pick from. Labels live in
// messages/{ja,en}/requests.json under "categories" and "purposes" (same numbers).

/** Art 2.1 items (1)–(11): the kinds of personal information the company acquires. */
export const CATEGORY_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type CategoryNumber = (typeof CATEGORY_NUMBERS)[number];

/** Art 2.2 items (1)–(17): the purposes of use. */
export const PURPOSE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;
export type PurposeNumber = (typeof PURPOSE_NUMBERS)[number];

export const RELATIONSHIPS = Object.values(Relationship);

/**
 * Which Art 2.1 items can concern a person, by their relationship to the company.
 * Items 1, 2, 4, 5 name "users of our services"; 3 anyone who contacted us; 6 anyone who
 * visited the site; 7 applicants; 8–10 employees; 11 business counterparties. Everyone
 * who reaches the portal has visited the site, and anyone may have written to us, so
 * items 3 and 6 are offered widely; a request is never refused for picking fewer.
 */
const categoriesByRelationship: Record<Relationship, readonly CategoryNumber[]> = {
  SERVICE_USER: [1, 2, 3, 4, 5, 6],
  SITE_VISITOR: [3, 6],
  INQUIRER: [3, 6],
  JOB_APPLICANT: [3, 6, 7],
  EMPLOYEE: [3, 6, 8, 9, 10],
  BUSINESS_PARTNER: [3, 6, 11],
};

export function categoriesFor(relationship: Relationship): readonly CategoryNumber[] {
  return categoriesByRelationship[relationship];
}

/** Art 2.2 purposes that can apply to a relationship, to put the likely ones first. */
const purposesByRelationship: Record<Relationship, readonly PurposeNumber[]> = {
  SERVICE_USER: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 17],
  SITE_VISITOR: [4, 10, 11, 17],
  INQUIRER: [7, 14, 17],
  JOB_APPLICANT: [15, 17],
  EMPLOYEE: [16, 17],
  BUSINESS_PARTNER: [13, 14, 17],
};

export function purposesFor(relationship: Relationship): readonly PurposeNumber[] {
  return purposesByRelationship[relationship];
}

/** The 47 prefectures in JIS X 0401 order, as written in Japanese addresses. */
export const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;
export type Prefecture = (typeof PREFECTURES)[number];
