/** A notice as the requester would receive it, shown before anything is sent. */
export function NoticePreview({ title, subject, body }: { title: string; subject: string; body: string }) {
  return (
    <section
      aria-label={title}
      className="mt-4 rounded-md border-2 border-dashed border-brand-600 bg-brand-50 p-4"
      data-testid="notice-preview"
    >
      <p role="status" className="mb-2 font-bold">
        {title}
      </p>
      <p className="mb-2 font-semibold">{subject}</p>
      <pre className="font-sans text-sm break-words whitespace-pre-wrap">{body}</pre>
    </section>
  );
}
