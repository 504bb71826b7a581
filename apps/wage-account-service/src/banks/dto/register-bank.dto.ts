import { z } from 'zod';

export const registerBankSchema = z.object({
  code: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/,
      'must be 1–32 letters, digits, - or _, starting with a letter or digit',
    ),
  name: z.string().trim().min(1, 'is required').max(200),
});
export type RegisterBankDto = z.infer<typeof registerBankSchema>;
