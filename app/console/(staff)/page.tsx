import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { prisma } from "@/lib/server/db";
import { PageHeader } from "@/components/ui/alert";

const openStatuses = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED"] as const;

export default async function ConsoleHome() {
  const staff = await requireStaffPage("read:request");
  const t = await getTranslations("shell.home");
  const now = new Date();
  const [open, overdue, awaitingApproval, awaitingPayment] = await Promise.all([
    prisma.request.count({ where: { status: { in: [...openStatuses] } } }),
    prisma.request.count({ where: { status: { in: [...openStatuses] }, pausedAt: null, dueAt: { lt: now } } }),
    prisma.decision.count({ where: { approval: "PENDING", superseded: false } }),
    prisma.request.count({ where: { fee: "AWAITING_PAYMENT", status: { in: [...openStatuses] } } }),
  ]);
  const tiles = [
    { label: t("open"), value: open },
    { label: t("overdue"), value: overdue },
    { label: t("awaitingApproval"), value: awaitingApproval },
    { label: t("awaitingPayment"), value: awaitingPayment },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("welcome", { name: staff.name })} />
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.label} className="rounded-md border border-stone-300 bg-white p-4">
            <dt className="text-sm text-muted">{tile.label}</dt>
            <dd className="text-3xl font-bold">{tile.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
