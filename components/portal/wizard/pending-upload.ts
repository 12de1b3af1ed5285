// The upload form and the step's own form (次へ) are two forms: a file element belongs to
// one form only, and the plain no-JavaScript upload must stay a form of its own. With
// JavaScript, the upload panel registers itself here so that 次へ can send a file that
// was chosen but not yet sent, instead of answering "please attach…" beside it.

export type PendingUpload = {
  /** Whether a file is chosen in the picker and not sent yet. */
  hasFile: () => boolean;
  /** Sends it; resolves true when it was accepted (errors are shown by the panel). */
  send: () => Promise<boolean>;
};

let current: PendingUpload | null = null;

/** Registers the panel; returns the function that unregisters it. */
export function registerPendingUpload(upload: PendingUpload): () => void {
  current = upload;
  return () => {
    if (current === upload) current = null;
  };
}

/** The panel when it holds a chosen, unsent file; null otherwise. */
export function pendingUpload(): PendingUpload | null {
  return current?.hasFile() ? current : null;
}
