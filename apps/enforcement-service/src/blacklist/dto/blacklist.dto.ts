import { z } from 'zod';
import { creditCodeField, idNumberField, pageFields, text, uuidParam } from '../../common/fields';

/** 法定代表人, 负有直接责任的管理人员 (人社部令第45号 Art. 9). */
export const PersonRole = z.enum(['LEGAL_REPRESENTATIVE', 'RESPONSIBLE_MANAGER']);

export const giveNoticeSchema = z.strictObject({
  creditCode: creditCodeField,
  /** The case that found the arrears and ordered them paid. */
  caseId: uuidParam,
  persons: z
    .array(z.strictObject({ name: text(100), idNumber: idNumberField, role: PersonRole }))
    .min(1)
    .max(20),
  /** Why the employer is to be listed, as the public list will say it. */
  reason: text(500).optional(),
});
export type GiveNoticeDto = z.infer<typeof giveNoticeSchema>;

export const statementSchema = z.strictObject({ text: text(10_000) });
export type StatementDto = z.infer<typeof statementSchema>;

export const decisionSchema = z.strictObject({ listed: z.boolean(), note: text(2_000).optional() });
export type DecisionDto = z.infer<typeof decisionSchema>;

export const removalSchema = z.strictObject({
  /** The written pledge (信用承诺书) on file: its reference. */
  pledgeReference: text(200),
});
export type RemovalDto = z.infer<typeof removalSchema>;

export const publicListSchema = z.strictObject({
  /** Part of the employer's name, or its credit code. */
  employer: z.string().trim().min(1).max(200).optional(),
  ...pageFields,
});
export type PublicListQuery = z.infer<typeof publicListSchema>;
