import { z } from 'zod';
import { UserRole } from '@wage/contracts';
import { isRegionCode } from '@wage/domain';

const webhook = z
  .string()
  .max(2_000)
  .refine((v) => /^https?:\/\/\S+$/.test(v), 'must be an http:// or https:// URL')
  .meta({ description: 'an http:// or https:// URL', format: 'uri' });

export const createUserSchema = z.strictObject({
  username: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{3,64}$/, '3 to 64 letters, digits, dots, underscores or dashes'),
  password: z.string().min(12, 'must be at least 12 characters').max(1_000),
  role: UserRole,
  regionCode: z
    .string()
    .refine(isRegionCode, 'must be a six-digit GB/T 2260 code, or 000000 for the nation')
    .meta({ description: 'a six-digit GB/T 2260 region code, 000000 for the nation', examples: ['350206'] }),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  webhookUrl: webhook.optional(),
  wecomWebhook: webhook.optional(),
  dingtalkWebhook: webhook.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1_000),
});
export type LoginRequest = z.infer<typeof loginSchema>;
