import { z } from 'zod';
import { CaseClosureCode } from '@wage/contracts';
import { AGGRAVATING_CIRCUMSTANCES, PENALTY_ARTICLES } from '@wage/domain';
import {
  creditCodeField,
  isoDateField,
  monthField,
  pageFields,
  regionFilterField,
  text,
  uuidParam,
  yuanField,
} from '../../common/fields';

export const openCaseSchema = z.union([
  z.strictObject({ alertId: uuidParam.meta({ description: "the alert's id in alert-service" }) }),
  z.strictObject({
    projectCode: z.string().trim().min(1).max(64),
    /** What the case is about, e.g. what a site visit found. */
    summary: text(4_000),
  }),
]);
export type OpenCaseDto = z.infer<typeof openCaseSchema>;

export const ActionKind = z.enum([
  'SUMMONS',
  'SITE_INSPECTION',
  'RECTIFICATION_ORDER',
  'HANDLING_DECISION',
  'PENALTY',
  'EXTRA_COMPENSATION',
  'TRANSFER_POLICE',
  'TRANSFER_DEPARTMENT',
  'EXTENSION',
]);
export type ActionKind = z.infer<typeof ActionKind>;

export const recordActionSchema = z
  .strictObject({
    kind: ActionKind,
    at: z.iso.datetime({ offset: true }).meta({ examples: ['2026-10-12T09:30:00+08:00'] }),
    note: text(4_000),
    /** The date an order must be complied with (限期). */
    deadline: isoDateField.optional(),
    /** A penalty, extra compensation, or the wages an order or decision says are owed. */
    amount: yuanField({ positive: true }).optional(),
    article: z.enum(PENALTY_ARTICLES).optional(),
    documentNo: text(100).optional(),
    /** The project-month a rectification order is about, when the case's alert or complaint does not say. */
    month: monthField.optional(),
  })
  .superRefine((action, context) => {
    const need = (field: 'deadline' | 'amount' | 'article', why: string) =>
      action[field] === undefined && context.addIssue({ code: 'custom', path: [field], message: why });
    if (action.kind === 'RECTIFICATION_ORDER') need('deadline', 'a rectification order has a deadline');
    if (action.kind === 'PENALTY') {
      need('amount', 'a penalty has an amount');
      need('article', 'a penalty names the article it rests on');
    }
    if (action.kind === 'EXTRA_COMPENSATION') need('amount', 'extra compensation has an amount');
    if (action.month !== undefined && action.kind !== 'RECTIFICATION_ORDER')
      context.addIssue({
        code: 'custom',
        path: ['month'],
        message: 'only a rectification order names a month',
      });
    if (action.article !== undefined && action.kind !== 'PENALTY')
      context.addIssue({ code: 'custom', path: ['article'], message: 'only a penalty names an article' });
  });
export type RecordActionDto = z.infer<typeof recordActionSchema>;

export const closeCaseSchema = z.strictObject({
  code: CaseClosureCode,
  finding: z.strictObject({
    unpaidWages: z.boolean(),
    violations: z.array(text(200)).max(50),
    /** What makes the employer's grade C on its own (群体性事件, 拒不履行, 阻挠监察, 追究刑事责任). */
    circumstances: z.array(z.enum(AGGRAVATING_CIRCUMSTANCES)).max(4).optional(),
  }),
  summary: text(4_000),
  /** The employer's credit code, when the case does not know it yet: a finding of unpaid wages needs it. */
  employerCreditCode: creditCodeField.optional(),
});
export type CloseCaseDto = z.infer<typeof closeCaseSchema>;

export const recordRecoverySchema = z.strictObject({
  amount: yuanField({ positive: true }),
  workers: z.number().int().min(1).max(10_000),
  paidOn: isoDateField,
  note: text(2_000).optional(),
});
export type RecordRecoveryDto = z.infer<typeof recordRecoverySchema>;

export const listCasesSchema = z.strictObject({
  status: z.enum(['OPEN', 'CLOSED']).optional(),
  regionCode: regionFilterField.optional(),
  /** Part of the employer's name, or its credit code. */
  employer: z.string().trim().min(1).max(200).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageFields,
});
export type ListCasesQuery = z.infer<typeof listCasesSchema>;
