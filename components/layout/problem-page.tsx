import Link from "next/link";
import { DocumentTitle } from "./document-title";

/** The page for a request that cannot be served (403, 404): what happened and the way back. */
export function ProblemPage({
  status,
  title,
  body,
  back,
}: {
  status: 403 | 404;
  title: string;
  body: string;
  back: { href: string; label: string };
}) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12" data-testid="problem-page">
      <DocumentTitle title={title} />
      <p className="mb-2 font-mono text-muted">{status}</p>
      <h1 className="mb-3 text-2xl font-bold">{title}</h1>
      <p className="mb-6">{body}</p>
      <Link href={back.href} className="text-brand-700 underline">
        {back.label}
      </Link>
    </main>
  );
}
