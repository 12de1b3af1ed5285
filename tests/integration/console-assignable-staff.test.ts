import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createStaff } from "@/tests/helpers/request-fixtures";
import { listAssignableStaff } from "@/lib/console/assignable-staff";

describe("[console] staff a request can be assigned to", () => {
  beforeEach(resetDatabase);

  it("lists active staff of every role by name, with no email or secrets", async () => {
    const staff = await createStaff("STAFF", "佐藤 担当");
    await createStaff("OFFICER", "伊藤 責任");
    const gone = await createStaff("ADMIN", "安藤 管理");
    await prisma.staffUser.update({ where: { id: gone.id }, data: { active: false } });
    const list = await listAssignableStaff({ actor: staff });
    expect(list.map((s) => s.name)).toEqual(["伊藤 責任", "佐藤 担当"].sort());
    for (const s of list) expect(Object.keys(s).sort()).toEqual(["id", "name", "role"]);
  });

  it("is refused to a signed-out caller and to a requester", async () => {
    await expect(listAssignableStaff({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listAssignableStaff({ actor: { type: "REQUESTER", requestId: "r1" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
