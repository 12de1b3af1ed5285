"use client";
import type { MouseEvent } from "react";

/**
 * The request page's section links: following one opens its section first (sections that
 * are not the next action start closed), so everything is one click away (issue 17).
 */
export function SectionLinks({ label, links }: { label: string; links: { id: string; title: string }[] }) {
  const open = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (target instanceof HTMLDetailsElement && !target.open) target.open = true;
    if (target) {
      e.preventDefault();
      target.scrollIntoView({ block: "start" });
      target.querySelector<HTMLElement>("summary, h2")?.focus();
      history.replaceState(null, "", `#${id}`);
    }
  };
  return (
    <nav aria-label={label} className="mb-4" data-testid="section-links">
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {links.map((l) => (
          <li key={l.id}>
            <a
              href={`#${l.id}`}
              onClick={(e) => open(e, l.id)}
              className="inline-block min-h-8 py-1 text-brand-700 underline"
            >
              {l.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
