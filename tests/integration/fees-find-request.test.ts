import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, officer } from "@/tests/helpers/fee-fixtures";
import { findFeeRequest } from "@/lib/fees/find-fee-request";
import { staffFeeView } from "@/lib/fees/fee-overview";

// The console's payment and bank-line forms name a request by what the admin has in hand.
describe("finding a request by reference for a fee form", () => {
  beforeEach(resetDatabase);

  it("accepts the request reference or the transfer reference, in either width", async () => {
    const r = await createFeeRequest();
    await createFeeRequest();
    const transfer = r.transferReference ?? "";
    const fullWidth = transfer.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const reference of [r.reference, transfer, ` ${transfer.toLowerCase()} `, fullWidth]) {
      await expect(findFeeRequest({ actor: admin, input: { reference } })).resolves.toEqual({
        requestId: r.id,
        reference: r.reference,
      });
    }
  });

  it("names the field when the reference is empty, unknown or ambiguous", async () => {
    const a = await createFeeRequest();
    const b = await createFeeRequest();
    await expect(findFeeRequest({ actor: admin, input: { reference: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reference: ["fees.errors.reference"] },
    });
    await expect(findFeeRequest({ actor: admin, input: { reference: "DSR-1999-000001" } })).rejects.toMatchObject({
      fieldErrors: { reference: ["fees.errors.referenceUnknown"] },
    });
    await expect(
      findFeeRequest({ actor: admin, input: { reference: `${a.reference} ${b.reference}` } }),
    ).rejects.toMatchObject({ fieldErrors: { reference: ["fees.errors.referenceUnknown"] } });
  });

  it("is for admins only", async () => {
    const r = await createFeeRequest();
    await expect(findFeeRequest({ actor: officer, input: { reference: r.reference } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(findFeeRequest({ actor: null, input: { reference: r.reference } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("the staff view names the request it shows", async () => {
    const r = await createFeeRequest();
    await expect(staffFeeView({ actor: officer, requestId: r.id })).resolves.toMatchObject({
      requestId: r.id,
      reference: r.reference,
      type: "DISCLOSURE",
      status: "RECEIVED",
    });
  });
});
