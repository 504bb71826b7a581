import { z } from 'zod';
import { defineEvent, type EventData } from '../envelope';
import { ProjectStatus } from '../enums';
import { creditCode, fen, gridCode, isoDate, projectCode, regionCode } from '../fields';
import { Topics } from '../topics';

/**
 * A project registered by the administrator. The project key issued with it never travels; its SHA-256
 * (`apiKeyHash`) does, so that every service can recognise the project's key without a call to roster-service.
 * The key is 256 random bits: its hash cannot be turned back into it.
 */
export const ProjectRegistered = defineEvent(
  Topics.project,
  'ProjectRegistered',
  z.object({
    code: projectCode,
    name: z.string().min(1),
    regionCode,
    /** The grid of `regionCode` the project's site is in (街道/乡镇 or 社区/村), if it is placed in one. */
    gridCode: gridCode.optional(),
    /** 施工总承包单位: the deposit adjustment follows its record by credit code. */
    contractor: z.object({ name: z.string().min(1), creditCode }),
    /** 建设单位. */
    owner: z.object({ name: z.string().min(1), creditCode: creditCode.optional() }),
    contractAmountFen: fen,
    startDate: isoDate,
    plannedEndDate: isoDate.optional(),
    /** 发薪日: the day of month M+1 on which month M's wages are due. */
    payday: z.number().int().min(1).max(31),
    status: ProjectStatus,
    apiKeyHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the project key, lowercase hex'),
  }),
);
export type ProjectRegistered = EventData<typeof ProjectRegistered>;

export const ProjectStatusChanged = defineEvent(
  Topics.project,
  'ProjectStatusChanged',
  z
    .object({
      code: projectCode,
      status: ProjectStatus,
      previousStatus: ProjectStatus,
      effectiveDate: isoDate,
    })
    .refine((change) => change.status !== change.previousStatus, {
      error: 'status must differ from previousStatus',
      path: ['status'],
    }),
);
export type ProjectStatusChanged = EventData<typeof ProjectStatusChanged>;

/** A project placed in a grid of its district, moved to another, or taken out of any (`gridCode` null). */
export const ProjectGridChanged = defineEvent(
  Topics.project,
  'ProjectGridChanged',
  z.object({
    code: projectCode,
    regionCode,
    gridCode: gridCode.nullable(),
    previousGridCode: gridCode.nullable(),
  }),
);
export type ProjectGridChanged = EventData<typeof ProjectGridChanged>;
