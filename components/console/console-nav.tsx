"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function ConsoleNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === "/console"
      ? pathname === "/console" || (pathname.startsWith("/console/requests/") && !pathname.endsWith("/new"))
      : pathname.startsWith(href);
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 lg:flex-col">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={isCurrent(i.href) ? "page" : undefined}
              className="block min-h-11 rounded px-3 py-2 text-brand-800 no-underline hover:bg-brand-50 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
