import { z } from "zod";
import { DeliveryMethod } from "@/lib/generated/prisma/enums";
import { dateString, idSchema, requestRefSchema, uploadSchema } from "@/lib/requests/shared-schemas";

export const createOrUpdatePackageSchema = requestRefSchema.extend({
  /** Defaults to what the requester chose; APPI Art 33(2): paper when the chosen method is very costly or difficult. */
  deliveryMethod: z.enum(DeliveryMethod).optional(),
});
export type CreateOrUpdatePackageInput = z.input<typeof createOrUpdatePackageSchema>;

export const addPackageFileSchema = requestRefSchema.extend({ file: uploadSchema });
export type AddPackageFileInput = z.input<typeof addPackageFileSchema>;

export const removePackageFileSchema = requestRefSchema.extend({ fileId: idSchema });
export type RemovePackageFileInput = z.input<typeof removePackageFileSchema>;

export const attachProvisionRecordsSchema = requestRefSchema;
export type AttachProvisionRecordsInput = z.input<typeof attachProvisionRecordsSchema>;

export const publishPackageSchema = requestRefSchema;
export type PublishPackageInput = z.input<typeof publishPackageSchema>;

export const recordPostingSchema = requestRefSchema.extend({
  postedOn: dateString,
  trackingNumber: z.string().trim().max(60).optional(),
});
export type RecordPostingInput = z.input<typeof recordPostingSchema>;
