import type { ProjectStatus } from '@wage/contracts';
import { addCalendarDays, monthOfDate, type IsoDate, type Month } from '@wage/domain';
import { UseCaseError } from '@wage/platform';
import type { ProjectRecord } from './project.repository';

/** A status change may be announced this many days ahead, no more: later plans are asked for nearer the date. */
export const MAX_DAYS_AHEAD = 30;

export interface StatusChangeFacts {
  today: IsoDate;
  /** The latest month with attendance or a pay sheet reported, if any. */
  latestReportedMonth: Month | null;
  /** Whether the decider may correct a change already scheduled (an administrator). */
  mayCorrectScheduled: boolean;
}

/** One ProjectStatusChanged to publish: from `effectiveDate` on, `status`. */
export interface StatusEvent {
  status: ProjectStatus;
  previousStatus: ProjectStatus;
  effectiveDate: IsoDate;
}

export type StatusChangePlan =
  | { changed: false }
  | {
      changed: true;
      /** What the project row holds afterwards. */
      next: Pick<
        ProjectRecord,
        'status' | 'statusEffectiveDate' | 'previousStatus' | 'previousStatusEffectiveDate'
      >;
      events: StatusEvent[];
    };

const invalidDate = (message: string, code: string, hint: string) =>
  UseCaseError.invalid(message, [{ field: 'effectiveDate', code, message: hint }]);

/**
 * What a status change does to a project, or why it may not. The rules engine suppresses rules while a project
 * is suspended or completed, so the date matters: never before the start or the date the status in force took
 * effect, never before a month the project already reported work for (a 竣工 dated in April contradicts
 * attendance reported for November), never more than 30 days ahead. A change dated ahead is scheduled beside the
 * status in force; an administrator may correct it, and the events then also undo it in the history consumers
 * keep (a later change on the scheduled date wins there).
 */
export function planStatusChange(
  project: ProjectRecord,
  change: { status: ProjectStatus; effectiveDate: IsoDate },
  { today, latestReportedMonth, mayCorrectScheduled }: StatusChangeFacts,
): StatusChangePlan {
  const { status, effectiveDate } = change;
  const scheduled = project.previousStatus !== null && project.statusEffectiveDate > today;
  if (scheduled && project.status === status && project.statusEffectiveDate === effectiveDate)
    return { changed: false };
  if (!scheduled && project.status === status) return { changed: false };

  const latestAhead = addCalendarDays(today, MAX_DAYS_AHEAD);
  if (effectiveDate > latestAhead) {
    throw invalidDate(
      `effectiveDate ${effectiveDate} is more than ${MAX_DAYS_AHEAD} days ahead (today is ${today} in Shanghai); ` +
        `a status change may be announced up to ${latestAhead}. Send it again nearer the date.`,
      'TOO_FAR_AHEAD',
      `must be ${latestAhead} or earlier`,
    );
  }
  if (
    status !== 'IN_CONSTRUCTION' &&
    latestReportedMonth !== null &&
    monthOfDate(effectiveDate) < latestReportedMonth
  ) {
    throw invalidDate(
      `attendance or a pay sheet of ${latestReportedMonth} was already reported for project ${project.code}; ` +
        `${status} from ${effectiveDate} would contradict the work reported since. Date it in ${latestReportedMonth} ` +
        'or later, or correct the reported data first.',
      'BEFORE_REPORTED_DATA',
      `must be in ${latestReportedMonth} or later`,
    );
  }
  if (scheduled && !mayCorrectScheduled) {
    throw UseCaseError.conflict(
      'STATUS_CHANGE_SCHEDULED',
      `project ${project.code} is scheduled to become ${project.status} on ${project.statusEffectiveDate}; only ` +
        'an administrator may correct a scheduled change',
    );
  }
  // The status this change follows: the one in force, under a scheduled change being corrected.
  const base = scheduled
    ? { status: project.previousStatus!, effectiveDate: project.previousStatusEffectiveDate! }
    : { status: project.status, effectiveDate: project.statusEffectiveDate };
  const earliest = base.effectiveDate > project.startDate ? base.effectiveDate : project.startDate;
  if (effectiveDate < earliest) {
    throw invalidDate(
      `effectiveDate ${effectiveDate} is before ${earliest}, the date the project's current status ` +
        `(${base.status}) took effect; a status change cannot be dated earlier`,
      'INVALID_DATE',
      `must be ${earliest} or later`,
    );
  }

  const events: StatusEvent[] = [];
  if (scheduled) {
    // Undo the scheduled change where consumers keep it: on its date, what holds under the corrected plan.
    const onScheduledDate = effectiveDate <= project.statusEffectiveDate ? status : base.status;
    if (onScheduledDate !== project.status)
      events.push({
        status: onScheduledDate,
        previousStatus: project.status,
        effectiveDate: project.statusEffectiveDate,
      });
  }
  if (status === base.status) {
    // Back to the status in force: the scheduled change is cancelled.
    return {
      changed: true,
      next: {
        status: base.status,
        statusEffectiveDate: base.effectiveDate,
        previousStatus: null,
        previousStatusEffectiveDate: null,
      },
      events,
    };
  }
  if (!(scheduled && effectiveDate === project.statusEffectiveDate))
    events.push({ status, previousStatus: base.status, effectiveDate });
  return {
    changed: true,
    next: {
      status,
      statusEffectiveDate: effectiveDate,
      previousStatus: base.status,
      previousStatusEffectiveDate: base.effectiveDate,
    },
    events,
  };
}
