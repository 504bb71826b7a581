import { z } from 'zod';
import { defineEvent, type EventData } from '../envelope';
import {
  bankCode,
  blindIndex,
  fen,
  instant,
  isoDate,
  maskedAccountNumber,
  maskedIdNumber,
  month,
} from '../fields';
import { WorkerDisputeReason, WorkerMonthResult } from '../enums';
import { Topics } from '../topics';

/**
 * A worker's entry on the project's real-name roll (实名册) as it stands after the change, so consumers upsert
 * it. The name travels in clear: inspectors need it in alert evidence, and the alert service that shows them
 * the evidence holds no roll of its own. Identity and card numbers, the sensitive data, travel only as blind
 * index and masked form; phone and birth date are left out because no rule needs them.
 */
const workerEntry = z.object({
  /** The roll entry, stable across updates; `idHash` is what links one person across projects. */
  workerId: z.uuid(),
  idHash: blindIndex,
  idMasked: maskedIdNumber,
  name: z.string().min(1),
  bankCard: z.object({ bankCode, cardHash: blindIndex, cardMasked: maskedAccountNumber }).optional(),
  team: z.string().min(1).optional(),
  trade: z.string().min(1).optional(),
  entryDate: isoDate,
  exitDate: isoDate.optional(),
});

export const WorkerEnrolled = defineEvent(Topics.roster, 'WorkerEnrolled', workerEntry);
export type WorkerEnrolled = EventData<typeof WorkerEnrolled>;

export const WorkerUpdated = defineEvent(Topics.roster, 'WorkerUpdated', workerEntry);
export type WorkerUpdated = EventData<typeof WorkerUpdated>;

/** Emitted besides WorkerEnrolled or WorkerUpdated whenever they set or change a worker's exit date (离场). */
export const WorkerExited = defineEvent(
  Topics.roster,
  'WorkerExited',
  z.object({ workerId: z.uuid(), idHash: blindIndex, exitDate: isoDate }),
);
export type WorkerExited = EventData<typeof WorkerExited>;

/**
 * Rows per attendance or pay-sheet event. A row takes about 190 bytes of JSON, so a 10,000-row submission
 * would not fit Kafka's default 1 MB message limit; producers split it into parts of at most this many rows
 * (under 400 KB each), written to the outbox in one transaction.
 */
export const MAX_ROWS_PER_EVENT = 2000;

/**
 * One part of a submission. Consumers apply a submission once all its parts have arrived, never half of it.
 */
const submissionPart = {
  submissionId: z.uuid(),
  /** 1-based. */
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
};

function isPartInRange(event: { part: number; parts: number }): boolean {
  return event.part <= event.parts;
}
const partOutOfRange = { error: 'part must not exceed parts', path: ['part'] };

/**
 * Monthly attendance (考勤); each record sets that worker's days for the month, superseding an earlier report.
 */
export const AttendanceReported = defineEvent(
  Topics.roster,
  'AttendanceReported',
  z
    .object({
      month,
      ...submissionPart,
      records: z
        .array(
          z.object({
            workerId: z.uuid(),
            idHash: blindIndex,
            daysWorked: z.number().int().min(0).max(31),
          }),
        )
        .min(1)
        .max(MAX_ROWS_PER_EVENT),
    })
    .refine(isPartInRange, partOutOfRange),
);
export type AttendanceReported = EventData<typeof AttendanceReported>;

const payTotals = z.object({ lines: z.number().int().positive(), grossPayFen: fen, netPayFen: fen });
export type PayTotals = z.infer<typeof payTotals>;

/** The totals a producer puts on a pay sheet, summed over all the lines of the submission. */
export function payLineTotals(lines: readonly { grossPayFen: number; netPayFen: number }[]): PayTotals {
  return lines.reduce<PayTotals>(
    (totals, line) => ({
      lines: totals.lines + 1,
      grossPayFen: totals.grossPayFen + line.grossPayFen,
      netPayFen: totals.netPayFen + line.netPayFen,
    }),
    { lines: 0, grossPayFen: 0, netPayFen: 0 },
  );
}

function sameTotals(a: PayTotals, b: PayTotals): boolean {
  return a.lines === b.lines && a.grossPayFen === b.grossPayFen && a.netPayFen === b.netPayFen;
}

/**
 * A month's pay sheet (工资支付表). Every submission replaces the month's sheet whole; `replacesPrevious` tells a
 * correction from a first submission. `totals` cover the whole submission, repeated in every part, so a
 * consumer can check that it assembled all of it.
 */
export const PaySheetSubmitted = defineEvent(
  Topics.roster,
  'PaySheetSubmitted',
  z
    .object({
      month,
      replacesPrevious: z.boolean(),
      ...submissionPart,
      lines: z
        .array(
          z.object({
            workerId: z.uuid(),
            idHash: blindIndex,
            /** 应发工资. */
            grossPayFen: fen,
            /** 实发工资: what the worker must receive, the amount the payment rules check. */
            netPayFen: fen,
          }),
        )
        .min(1)
        .max(MAX_ROWS_PER_EVENT),
      totals: payTotals,
    })
    .refine(isPartInRange, partOutOfRange)
    .refine((sheet) => sheet.parts > 1 || sameTotals(sheet.totals, payLineTotals(sheet.lines)), {
      error: 'totals must match the lines of a single-part sheet',
      path: ['totals'],
    }),
);
export type PaySheetSubmitted = EventData<typeof PaySheetSubmitted>;

/** Lowered lines a revision event lists; `linesLowered` keeps the full count. */
export const MAX_LOWERED_LINES_PER_EVENT = MAX_ROWS_PER_EVENT;

/**
 * A pay sheet sent after the month's wage deadline that lowers a worker's net pay or drops a worker of the sheet
 * in force (更正): kept beside the sheet in force, which still counts, until an inspector accepts or rejects it
 * (PaySheetRevisionDecided). The monitored party never certifies itself. Workers travel as in PaySheetSubmitted:
 * roll entry and blind index, never an identity number.
 */
export const PaySheetRevisionSubmitted = defineEvent(
  Topics.roster,
  'PaySheetRevisionSubmitted',
  z
    .object({
      month,
      revisionId: z.uuid(),
      /** The sheet in force that the revision would replace. */
      revisesSubmissionId: z.uuid(),
      submittedAt: instant,
      /** The month's wage deadline the sheet arrived after. */
      deadline: isoDate,
      totals: payTotals,
      originalTotals: payTotals,
      linesLowered: z.number().int().positive(),
      /** Of `linesLowered`, the workers the revision leaves out. */
      workersDropped: z.number().int().nonnegative(),
      lowered: z
        .array(
          z.object({
            workerId: z.uuid(),
            idHash: blindIndex,
            originalNetPayFen: fen,
            /** Null: the worker is not on the revision. */
            revisedNetPayFen: fen.nullable(),
          }),
        )
        .min(1)
        .max(MAX_LOWERED_LINES_PER_EVENT),
    })
    .refine((revision) => revision.workersDropped <= revision.linesLowered, {
      error: 'workersDropped must not exceed linesLowered',
      path: ['workersDropped'],
    })
    .refine((revision) => revision.lowered.length <= revision.linesLowered, {
      error: 'linesLowered must count at least the lines listed',
      path: ['linesLowered'],
    }),
);
export type PaySheetRevisionSubmitted = EventData<typeof PaySheetRevisionSubmitted>;

/**
 * A revision's end: ACCEPTED by an inspector of the region or an administrator (a PaySheetSubmitted with the
 * revision's lines follows, the sheet in force from then on), REJECTED (the sheet in force stays), or SUPERSEDED
 * by a later sheet of the month. `decidedBy` names the caller (`user:<username>`, `admin`, `project:<code>`).
 */
export const PaySheetRevisionDecided = defineEvent(
  Topics.roster,
  'PaySheetRevisionDecided',
  z.object({
    month,
    revisionId: z.uuid(),
    decision: z.enum(['ACCEPTED', 'REJECTED', 'SUPERSEDED']),
    decidedBy: z.string().min(1),
    decidedAt: instant,
    reason: z.string().min(1),
  }),
);
export type PaySheetRevisionDecided = EventData<typeof PaySheetRevisionDecided>;

/**
 * A worker confirmed or disputed their pay for a project-month on the workers' channel (工资确认); a later answer
 * supersedes an earlier one. The worker appears as roll entry, blind index and masked forms only: the rules engine
 * raises WORKER_PAY_DISPUTED from these, with the workers masked in its evidence. The worker's note stays in
 * roster-service.
 */
export const WorkerMonthAnswered = defineEvent(
  Topics.roster,
  'WorkerMonthAnswered',
  z
    .object({
      workerId: z.uuid(),
      idHash: blindIndex,
      idMasked: maskedIdNumber,
      /** '王*': the family name kept. */
      nameMasked: z.string().min(1),
      month,
      result: WorkerMonthResult,
      reason: WorkerDisputeReason.optional(),
      answeredAt: instant,
    })
    .refine((answer) => (answer.result === 'DISPUTED') === (answer.reason !== undefined), {
      error: 'a dispute has a reason, a confirmation none',
      path: ['reason'],
    }),
);
export type WorkerMonthAnswered = EventData<typeof WorkerMonthAnswered>;
