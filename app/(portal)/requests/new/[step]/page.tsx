import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { firstIncompleteStep, stepReachable, WIZARD_STEPS, type WizardStep } from "@/lib/requests/wizard-values";
import { WizardPage } from "@/components/portal/wizard/wizard-page";
import { currentDraft } from "../wizard-cookie";
import { RequesterStep, SubjectStep, DetailsStep } from "./answer-steps";
import { DocumentsStep } from "./documents-step";
import { ConfirmStep, ReviewStep } from "./final-steps";
import { formPageReferrer } from "../../../portal-server";

type Props = {
  params: Promise<{ step: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const isStep = (s: string): s is Exclude<WizardStep, "type"> =>
  s !== "type" && (WIZARD_STEPS as readonly string[]).includes(s);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  return isStep(step)
    ? { title: (await getTranslations("portal.wizard"))(`titles.${step}`), referrer: formPageReferrer }
    : { referrer: formPageReferrer };
}

export default async function WizardStepPage({ params, searchParams }: Props) {
  const { step } = await params;
  if (!isStep(step)) notFound();
  const { draftKey, draft } = await currentDraft();
  if (!draft || !draftKey) redirect("/requests/new");
  if (!stepReachable(step, draft)) {
    const first = firstIncompleteStep(draft);
    redirect(first === "type" ? "/requests/new" : `/requests/new/${first}`);
  }
  const query = await searchParams;
  const body = {
    requester: () => <RequesterStep draft={draft} />,
    subject: () => <SubjectStep draft={draft} />,
    details: () => <DetailsStep draft={draft} />,
    documents: () => <DocumentsStep draft={draft} draftKey={draftKey} query={query} />,
    review: () => <ReviewStep draft={draft} />,
    confirm: () => <ConfirmStep draft={draft} />,
  }[step]();
  return <WizardPage step={step}>{body}</WizardPage>;
}
