import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentStaff } from "@/lib/server/current-staff";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle"), robots: { index: false } };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentStaff()) redirect("/console");
  const t = await getTranslations("auth");
  const params = await searchParams;
  const notice = params.signedOut ? t("signedOut") : params.passwordSet ? t("passwordSet") : undefined;
  return (
    <main id="main" className="mx-auto w-full max-w-md px-4 py-8">
      <h1 className="mb-2 text-2xl font-bold">{t("signInTitle")}</h1>
      <p className="mb-6 text-muted">{t("signInIntro")}</p>
      <SignInForm notice={notice} />
    </main>
  );
}
