import { z } from 'zod';
import {
  creditCodeField,
  idNumberField,
  monthField,
  pageFields,
  regionCodeField,
  regionFilterField,
  text,
  yuanField,
} from '../../common/fields';

export const ComplaintKind = z.enum(['COMPLAINT', 'REPORT', 'CLUE']);
export const ComplaintStatus = z.enum(['PENDING', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'REFUSED']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

const phoneField = z
  .string()
  .trim()
  .regex(
    /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
    'must be a mobile number (11 digits) or a landline like 0592-1234567',
  )
  .meta({ description: 'a mobile or landline number', examples: ['13800001234'] });

export const submitComplaintSchema = z
  .strictObject({
    kind: ComplaintKind,
    complainant: z.strictObject({
      name: text(100),
      idNumber: idNumberField.optional(),
      phone: phoneField,
      /** A reporter's identity is kept confidential: masked to all but the case's inspectors. */
      confidential: z.boolean().optional(),
    }),
    employer: z.strictObject({
      name: text(200),
      creditCode: creditCodeField.optional(),
      address: text(300).optional(),
    }),
    projectCode: z.string().trim().min(1).max(64).optional(),
    regionCode: regionCodeField,
    periodFrom: monthField,
    periodTo: monthField,
    amountOwed: yuanField({ positive: true }).optional(),
    workersAffected: z.number().int().min(1).max(10_000).optional(),
    description: text(4_000),
  })
  .refine((c) => c.periodFrom <= c.periodTo, {
    path: ['periodTo'],
    message: 'must be the same month as periodFrom or later',
  });
export type SubmitComplaintDto = z.infer<typeof submitComplaintSchema>;

export const refuseComplaintSchema = z.strictObject({
  /** 不予受理 in writing: why (older than 2 years, outside scope or jurisdiction, ...). */
  reason: text(2_000),
  /** Where to go instead, e.g. 劳动人事争议仲裁委员会. */
  redirectTo: text(300).optional(),
});
export const requestSupplementSchema = z.strictObject({ what: text(2_000) });
/** What the complainant supplied (补正材料), as the inspector received it. */
export const receiveSupplementSchema = z.strictObject({ text: text(4_000) });
export const acceptComplaintSchema = z.strictObject({ note: text(2_000).optional() });

export const listComplaintsSchema = z.strictObject({
  status: ComplaintStatus.optional(),
  kind: ComplaintKind.optional(),
  regionCode: regionFilterField.optional(),
  ...pageFields,
});
export type ListComplaintsQuery = z.infer<typeof listComplaintsSchema>;
