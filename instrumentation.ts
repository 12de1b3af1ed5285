// Runs once when a server starts; the Node-only work lives in its own module so the
// Edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/server/on-server-start");
    await onServerStart();
  }
}
