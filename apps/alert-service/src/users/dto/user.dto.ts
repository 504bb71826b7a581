import { z } from 'zod';
import { UserRole } from '@wage/contracts';
import { regionCodeField, type Documents } from '@wage/platform';
import type { AdministerUsersUseCase } from '../use-cases/administer-users/administer-users.use-case';
import type { CreateUserUseCase } from '../use-cases/create-user/create-user.use-case';
import type { LogInUseCase } from '../use-cases/log-in/log-in.use-case';

const webhook = z
  .string()
  .max(2_000)
  .refine((v) => /^https?:\/\/\S+$/.test(v), 'must be an http:// or https:// URL')
  .meta({ description: 'an http:// or https:// URL', format: 'uri' });

export const createUserSchema = z
  .strictObject({
    username: z
      .string()
      .regex(/^[a-zA-Z0-9._-]{3,64}$/, '3 to 64 letters, digits, dots, underscores or dashes'),
    password: z.string().min(12, 'must be at least 12 characters').max(1_000),
    role: UserRole,
    regionCode: regionCodeField,
    displayName: z.string().trim().min(1).max(200),
    email: z.email().optional(),
    webhookUrl: webhook.optional(),
    wecomWebhook: webhook.optional(),
    dingtalkWebhook: webhook.optional(),
  })
  .refine((user) => user.role !== 'GRID_ASSISTANT' || [9, 12].includes(user.regionCode.length), {
    error:
      '网格协管员的 regionCode 须为其网格：9 位街道/乡镇或 12 位社区/村代码，例如 "350206001" (a grid assistant covers one grid)',
    path: ['regionCode'],
  });
export type CreateUserRequest = z.infer<typeof createUserSchema>;

const regionCode = regionCodeField;

export const listUsersSchema = z.strictObject({
  role: UserRole.optional(),
  regionCode: regionCode.optional(),
  disabled: z
    .enum(['true', 'false'])
    .meta({ description: 'true: only disabled users; false: only active ones' })
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersSchema>;

export const changeUserSchema = z
  .strictObject({
    disabled: z
      .boolean()
      .meta({ description: 'true disables the user (no login, no notifications); false enables them again' })
      .optional(),
    password: z
      .string()
      .min(12, 'must be at least 12 characters')
      .max(1_000)
      .meta({ description: 'a new password (a reset); tell it to the user by another channel' })
      .optional(),
    role: UserRole.optional(),
    regionCode: regionCode.optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    error: 'name at least one of disabled, password, role, regionCode, displayName',
  });
export type ChangeUserRequest = z.infer<typeof changeUserSchema>;

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1_000),
});
export type LoginRequest = z.infer<typeof loginSchema>;

// Answers, as the OpenAPI document describes them; tsc checks them against the use cases (the end of this file).

const instant = z.string().meta({ description: 'an instant, ISO 8601 in UTC' });

export const userAnswer = z
  .object({
    username: z.string(),
    role: UserRole,
    regionCode: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    disabled: z.boolean(),
    disabledAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ title: 'User' });

export const userPageAnswer = z.object({
  items: z.array(userAnswer),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const createdUserAnswer = z.object({
  username: z.string(),
  role: UserRole,
  regionCode: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  wecomWebhook: z.string().nullable(),
  dingtalkWebhook: z.string().nullable(),
});

export const loginAnswer = z.object({
  accessToken: z.string().meta({ description: 'send it as Authorization: Bearer <token>' }),
});

type Administer = AdministerUsersUseCase;

export const userAnswersDocumented: [
  Documents<typeof userPageAnswer, Awaited<ReturnType<Administer['list']>>>,
  Documents<typeof userAnswer, Awaited<ReturnType<Administer['change']>>>,
  Documents<typeof createdUserAnswer, Awaited<ReturnType<CreateUserUseCase['execute']>>>,
  Documents<typeof loginAnswer, Awaited<ReturnType<LogInUseCase['execute']>>>,
] = [true, true, true, true];
