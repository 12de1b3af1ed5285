"use server";
import type { FormState } from "@/lib/form-state";
import type { RequestType, WithholdingGround } from "@/lib/generated/prisma/enums";
import { decideRequest, type DecideRequestInput } from "@/lib/decisions/decide-request";
import { approveDecision, sendBackDecision } from "@/lib/decisions/approve-decision";
import { previewNotice } from "@/lib/notices/send-notice";
import { optional, runRequestAction, versionOf } from "./action-helpers";

type Grounds = { ground: WithholdingGround; explanation: string }[];

function groundsOf(formData: FormData, v: Record<string, string>): Grounds {
  return formData
    .getAll("ground")
    .filter((g): g is string => typeof g === "string")
    .map((g) => ({ ground: g as WithholdingGround, explanation: v[`groundExplanation.${g}`] ?? "" }));
}

function numbers(formData: FormData, name: string): number[] | undefined {
  const list = formData
    .getAll(name)
    .map((x) => Number(x))
    .filter((n) => Number.isInteger(n));
  return list.length ? list : undefined;
}

/** The type's own decision fields (decision-schemas.ts), from the form. */
function typeFields(type: RequestType, formData: FormData, v: Record<string, string>): Record<string, unknown> {
  switch (type) {
    case "DISCLOSURE":
      return { withheldItems: optional(v.withheldItems) };
    case "CORRECTION":
      return { action: optional(v.action), categories: numbers(formData, "categories") };
    case "SUSPENSION":
      return {
        measure: optional(v.measure),
        categories: numbers(formData, "categories"),
        investigation: optional(v.investigation),
        alternativeMeasure: optional(v.alternativeMeasure),
      };
    case "THIRD_PARTY_STOP":
      return {
        categories: numbers(formData, "categories"),
        investigation: optional(v.investigation),
        alternativeMeasure: optional(v.alternativeMeasure),
      };
    default:
      return {};
  }
}

/** Errors on grounds.<i>.explanation point at the explanation box of that ground. */
function groundErrorsMapper(grounds: Grounds) {
  return (errors: Record<string, string[]>) => {
    const out: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(errors)) {
      const plain = key.replace(/^draftDecision\./, "");
      const m = /^grounds\.(\d+)\.(explanation|ground)$/.exec(plain);
      const ground = m ? grounds[Number(m[1])]?.ground : undefined;
      const target = ground ? `groundExplanation.${ground}` : plain;
      (out[target] ??= []).push(...list);
    }
    return out;
  };
}

/** Records the decision, or (intent=preview) shows the notice it would send without writing anything. */
export async function decideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const grounds = groundsOf(formData, v);
  return runRequestAction(
    formData,
    async (actor) => {
      const type = v.type as RequestType;
      const fields = typeFields(type, formData, v);
      const outcome = v.outcome as DecideRequestInput["outcome"];
      if (v.intent === "preview") {
        const kind = outcome === "ALTERNATIVE_MEASURE" ? "ALTERNATIVE_MEASURE" : "DECISION";
        const n = await previewNotice({
          actor,
          input: {
            requestId: v.requestId ?? "",
            kind,
            draftDecision: { outcome, explanation: v.explanation ?? "", details: fields, grounds },
          },
        });
        return { message: "preview", data: { subject: n.subject, body: n.bodyText } };
      }
      const input = {
        requestId: v.requestId ?? "",
        version: versionOf(v),
        type,
        outcome,
        explanation: v.explanation ?? "",
        internalNote: optional(v.internalNote),
        grounds,
        ...fields,
      } as DecideRequestInput;
      const r = await decideRequest({ actor, input });
      return { message: r.approval === "PENDING" ? "pending" : "done" };
    },
    groundErrorsMapper(grounds),
  );
}

export async function approvalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const input = { decisionId: v.decisionId ?? "", version: versionOf(v), comment: v.comment ?? "" };
    if (v.intent === "sendBack") {
      await sendBackDecision({ actor, input });
      return { message: "sentBack" };
    }
    await approveDecision({ actor, input: { ...input, comment: optional(v.comment) } });
    return { message: "approved" };
  });
}
