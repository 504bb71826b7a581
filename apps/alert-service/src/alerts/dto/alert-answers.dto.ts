import { z } from 'zod';
import {
  AlertCode,
  AlertStatus,
  alertEvidence,
  Severity,
  UserRole,
  VerificationResult,
} from '@wage/contracts';
import type { Documents } from '@wage/platform';
import type { AlertView } from '../alert-view';
import type { ListAlertsUseCase } from '../use-cases/list-alerts/list-alerts.use-case';

// The answers of /alerts as the OpenAPI document describes them (the console's types are generated from it). The
// checks at the end make tsc fail when a use case's answer and its documented schema drift apart.

const instant = z
  .string()
  .meta({ description: 'an instant, ISO 8601 in UTC', examples: ['2026-10-05T02:00:00.000Z'] });

export const historyEntryAnswer = z.object({
  at: instant,
  actor: z.string().meta({ description: 'who: a user (`user:wang.jianguo`), rules-engine, or system' }),
  action: z.enum([
    'RAISED',
    'UPDATED',
    'PERSISTS',
    'REOPENED',
    'CLEARED',
    'SUPPRESSED',
    'ACKNOWLEDGED',
    'ASSIGNED',
    'RESOLVED',
    'DISMISSED',
    'ESCALATED',
    'CASE_OPENED',
    'CASE_CLOSED',
    'VERIFIED',
  ]),
  fromStatus: AlertStatus.nullable(),
  toStatus: AlertStatus.nullable(),
  severity: Severity.nullable(),
  note: z.string().nullable(),
  result: VerificationResult.optional().meta({ description: "on a VERIFIED entry: the site visit's result" }),
  visitId: z
    .string()
    .optional()
    .meta({ description: 'on a VERIFIED entry: the visit that verified the alert' }),
});

/** The evidence the rule engine's events carry (facts as any JSON: a recursive schema has no place in a document). */
const evidenceAnswer = z.object({
  ...alertEvidence.shape,
  facts: z.record(z.string(), z.unknown()).meta({ description: 'anything else the rule found, as JSON' }),
});

export const alertAnswer = z
  .object({
    id: z.string(),
    code: AlertCode,
    severity: Severity,
    status: AlertStatus,
    projectCode: z.string(),
    regionCode: z.string(),
    gridCode: z
      .string()
      .optional()
      .meta({ description: "the project's grid (9 or 12 digits), when it has one" }),
    month: z.string().nullable(),
    title: z.string(),
    evidence: evidenceAnswer,
    raisedAt: instant,
    updatedAt: instant,
    clearedAt: instant.nullable(),
    assignee: z.string().nullable(),
    escalation: z.object({ hours: z.number(), dueAt: instant, escalated: z.boolean() }).nullable().meta({
      description: 'while it waits to be acknowledged at a severity that escalates: when it goes up',
    }),
    enforcementCase: z
      .object({
        id: z.string(),
        status: z.enum(['OPEN', 'CLOSED']),
        openedAt: instant,
        closeBy: z.string(),
        closedAt: instant.nullable(),
        closureCode: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'the enforcement case opened from the alert (立案); null while there is none' }),
    employerCreditCode: z.string().nullable(),
    history: z.array(historyEntryAnswer),
  })
  .meta({ title: 'Alert' });

export const alertPageAnswer = z.object({
  items: z.array(alertAnswer),
  total: z.number().int().meta({ description: 'counted up to 10,000' }),
  totalCapped: z.boolean().meta({ description: 'more than 10,000 alerts match: `total` is 10,000' }),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z
    .object({ open: z.number().int(), acknowledged: z.number().int(), overdue: z.number().int() })
    .meta({ description: "the caller's caseload: to acknowledge, in hand, past the escalation deadline" }),
});

export const assigneesAnswer = z.object({
  items: z.array(
    z.object({ username: z.string(), displayName: z.string(), role: UserRole, regionCode: z.string() }),
  ),
});

type Answer<M extends keyof ListAlertsUseCase> = Awaited<ReturnType<ListAlertsUseCase[M]>>;

export const alertAnswersDocumented: [
  Documents<typeof alertAnswer, AlertView>,
  Documents<typeof alertPageAnswer, Answer<'list'>>,
  Documents<typeof assigneesAnswer, Answer<'assignees'>>,
] = [true, true, true];
