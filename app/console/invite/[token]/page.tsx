import { getTranslations } from "next-intl/server";
import { inviteIsValid } from "@/lib/staff/manage-staff";
import { InviteForm } from "./invite-form";

export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const valid = token.length <= 200 && (await inviteIsValid(token));
  return (
    <main id="main" className="mx-auto w-full max-w-md px-4 py-8">
      <h1 className="mb-2 text-2xl font-bold">{t("inviteTitle")}</h1>
      {valid ? (
        <>
          <p className="mb-6 text-muted">{t("inviteIntro")}</p>
          <InviteForm token={token} />
        </>
      ) : (
        <p role="alert" className="rounded-md border-l-4 border-danger bg-red-50 p-4">
          {t("inviteInvalid")}
        </p>
      )}
    </main>
  );
}
