import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { currentPolicy } from "@/lib/policy/current-policy";
import { articleAnchor, parsePolicy } from "@/lib/policy/policy-articles";
import { isLocale } from "@/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("policy"))("title") };
}

/** Turns bare URLs in the policy into links; everything else stays plain text. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all text-brand-700 underline" rel="noopener noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function PolicyPage() {
  const t = await getTranslations("policy");
  const locale = await getLocale();
  const format = await getFormatter();
  const policy = await currentPolicy(prisma, isLocale(locale) ? locale : "ja");
  const { preamble, articles } = parsePolicy(policy.text);
  return (
    <article>
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      {policy.effectiveDate ? (
        <p className="mb-6 text-sm text-muted">
          {t("effective", {
            date: format.dateTime(policy.effectiveDate, { dateStyle: "long", timeZone: "UTC" }),
            version: policy.version,
          })}
        </p>
      ) : null}
      {preamble.map((p, i) => (
        <p key={i} className="mb-3">
          {p}
        </p>
      ))}
      <nav aria-labelledby="toc-title" className="mb-8 rounded-md border border-brand-100 bg-white p-4">
        <h2 id="toc-title" className="mb-2 font-bold">
          {t("contents")}
        </h2>
        <ol className="grid gap-1 sm:grid-cols-2">
          {articles.map((a) => (
            <li key={a.number}>
              <a href={`#${articleAnchor(a.number)}`} className="text-brand-700 underline">
                {t("articleLabel", { n: a.number })} {a.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {articles.map((a) => (
        <section
          key={a.number}
          id={articleAnchor(a.number)}
          aria-labelledby={`${articleAnchor(a.number)}-title`}
          className="mb-8 scroll-mt-4"
        >
          <h2 id={`${articleAnchor(a.number)}-title`} className="mb-3 text-xl font-bold">
            {t("articleLabel", { n: a.number })} {a.title}
          </h2>
          {a.blocks.map((b, i) =>
            b.kind === "item" ? (
              <p key={i} className="mb-1 pl-8 -indent-8">
                ({b.number}) {withLinks(b.text)}
              </p>
            ) : (
              <p key={i} className={`mb-3 ${b.number ? "mt-3" : ""}`}>
                {b.number ? `${b.number}. ` : ""}
                {withLinks(b.text)}
              </p>
            ),
          )}
        </section>
      ))}
    </article>
  );
}
