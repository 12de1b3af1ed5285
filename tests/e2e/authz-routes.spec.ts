import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { roleHas, type Permission } from "@/lib/server/permissions";
import { signInWithNewStaff } from "./staff-session";

// Every console page and file route × signed-out and each role: the server answers by the
// permission table (lib/server/permissions.ts), whatever the menu shows. Pages redirect
// signed-out people to the sign-in page and show 403 to the wrong role; file routes answer
// 401 / 403 themselves.
type Route = { path: (ids: Ids) => string; permission: Permission | null; kind: "page" | "file" };
type Ids = { requestId: string; systemId: string; mailId: string };

const routes: Route[] = [
  { path: () => "/console", permission: "read:request", kind: "page" },
  { path: (i) => `/console/requests/${i.requestId}`, permission: "read:request", kind: "page" },
  { path: () => "/console/requests/new", permission: "create:request", kind: "page" },
  { path: () => "/console/provisions", permission: "read:provision-record", kind: "page" },
  { path: () => "/console/reports", permission: "read:report", kind: "page" },
  { path: () => "/console/fees", permission: "record:payment", kind: "page" },
  { path: (i) => `/console/fees/${i.requestId}`, permission: "record:payment", kind: "page" },
  { path: () => "/console/data-map", permission: "manage:data-map", kind: "page" },
  { path: (i) => `/console/data-map/${i.systemId}`, permission: "manage:data-map", kind: "page" },
  { path: () => "/console/staff", permission: "manage:staff", kind: "page" },
  { path: () => "/console/settings", permission: "manage:settings", kind: "page" },
  { path: () => "/console/mail", permission: "read:mail-viewer", kind: "page" },
  { path: (i) => `/console/mail/${i.mailId}`, permission: "read:mail-viewer", kind: "page" },
  { path: () => "/console/preferences", permission: null, kind: "page" },
  { path: () => "/console/audit", permission: "read:audit", kind: "page" },
  { path: () => "/console/reports/export?from=2026-01&to=2026-12", permission: "read:report", kind: "file" },
  { path: () => "/console/reports/annual?year=2026", permission: "read:report", kind: "file" },
  { path: () => "/console/fees/export", permission: "export:data", kind: "file" },
  { path: () => "/console/exports", permission: "export:data", kind: "page" },
  { path: () => "/console/exports/requests?from=2026-01-01", permission: "export:data", kind: "file" },
  { path: (i) => `/console/exports/archive/${i.requestId}`, permission: "export:data", kind: "file" },
];

async function ids(): Promise<Ids> {
  const request = await prisma.request.findFirstOrThrow({ where: { type: "DISCLOSURE" }, select: { id: true } });
  const system = await prisma.systemOfRecord.findFirstOrThrow({ select: { id: true } });
  const mail = await prisma.outboxMessage.findFirst({ select: { id: true } });
  return { requestId: request.id, systemId: system.id, mailId: mail?.id ?? "none" };
}

async function statusOf(page: Page, url: string, kind: Route["kind"]): Promise<{ status: number; signIn: boolean }> {
  if (kind === "file") {
    const res = await page.request.get(url, { maxRedirects: 0 });
    return { status: res.status(), signIn: false };
  }
  const res = await page.goto(url);
  return { status: res?.status() ?? 0, signIn: new URL(page.url()).pathname === "/console/sign-in" };
}

test("[authz] every console route refuses signed-out people", async ({ page }) => {
  const i = await ids();
  for (const r of routes) {
    const { status, signIn } = await statusOf(page, r.path(i), r.kind);
    if (r.kind === "page") expect(signIn, `${r.path(i)} should send a signed-out visitor to sign-in`).toBe(true);
    else expect(status, r.path(i)).toBe(401);
  }
});

for (const role of ["STAFF", "OFFICER", "ADMIN"] as const) {
  test(`[authz] every console route follows the permission table for ${role}`, async ({ page }) => {
    test.setTimeout(120_000);
    const i = await ids();
    await signInWithNewStaff(page, role);
    for (const r of routes) {
      const allowed = r.permission === null || roleHas(role, r.permission);
      const { status, signIn } = await statusOf(page, r.path(i), r.kind);
      expect(signIn, r.path(i)).toBe(false);
      if (allowed) expect(status, `${role} ${r.path(i)}`).toBeLessThan(400);
      else expect(status, `${role} ${r.path(i)}`).toBe(403);
    }
  });
}
