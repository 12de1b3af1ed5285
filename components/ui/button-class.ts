// Shared by server and client components (links styled as buttons, and <Button>).
const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 border border-brand-700",
  secondary: "bg-white text-brand-800 border border-brand-600 hover:bg-brand-50",
  danger: "bg-white text-danger border border-danger hover:bg-red-50",
  ghost: "bg-transparent text-brand-800 border border-transparent hover:bg-brand-50 underline",
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = "primary", size: "md" | "sm" = "md"): string {
  const pad = size === "sm" ? "px-3 py-1 text-sm" : "px-4 py-2";
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md font-semibold no-underline disabled:cursor-not-allowed disabled:opacity-60 ${pad} ${variants[variant]}`;
}
