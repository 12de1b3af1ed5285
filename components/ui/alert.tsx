import type { ReactNode } from "react";

const tones = {
  info: "border-brand-600 bg-brand-50",
  success: "border-green-700 bg-green-50",
  warning: "border-warn bg-amber-50",
  danger: "border-danger bg-red-50",
} as const;

export function Alert({
  tone = "info",
  title,
  children,
  live = false,
  testId,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  testId?: string;
}) {
  return (
    <div
      role={live ? "status" : undefined}
      data-testid={testId}
      className={`mb-4 rounded-md border-l-4 p-4 ${tones[tone]}`}
    >
      {title ? <p className="font-bold">{title}</p> : null}
      {children}
    </div>
  );
}

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "info" | "success" | "warning" | "danger";
  children: ReactNode;
}) {
  const cls = {
    neutral: "bg-stone-100 text-stone-800 border-stone-300",
    info: "bg-brand-50 text-brand-800 border-brand-600",
    success: "bg-green-50 text-green-900 border-green-700",
    warning: "bg-amber-50 text-amber-900 border-amber-700",
    danger: "bg-red-50 text-red-900 border-danger",
  }[tone];
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${cls}`}>
      {children}
    </span>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {description ? <p className="mt-1 text-muted">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}
