"use client";
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";

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

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "md" | "sm"; children: ReactNode };

export function Button({ variant = "primary", size = "md", className = "", type = "button", ...rest }: Props) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />;
}

/** A submit button that says it is working while its form's action runs. */
export function SubmitButton({ pendingLabel, children, ...rest }: Omit<Props, "type"> & { pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" aria-disabled={pending} disabled={pending} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
