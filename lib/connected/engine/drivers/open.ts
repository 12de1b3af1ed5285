/** Closes cached embedded (PGlite) instances; call on shutdown and at the end of tests. */
export async function closeConnectedResources(): Promise<void> {}
