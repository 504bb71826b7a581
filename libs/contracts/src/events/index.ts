import type { AnyEventOf } from '../envelope';
import { Topics, type Topic } from '../topics';
import {
  AccountStatementReported,
  DepositMovementRecorded,
  DepositRecorded,
  TransactionRecorded,
  WageAccountOpened,
} from './account.events';
import { AlertCleared, AlertDismissed, AlertRaised, AlertSuppressed, AlertUpdated } from './alert.events';
import { MonthlyAssessmentCompleted } from './assessment.events';
import {
  CaseClosed,
  CaseOpened,
  CaseOverdue,
  EmployerDelisted,
  EmployerFindingRecorded,
  EmployerListed,
  GradeAssigned,
  RectificationOrdered,
  VerificationOverdue,
  VerificationRecorded,
  VerificationRequested,
} from './enforcement.events';
import { ProjectGridChanged, ProjectRegistered, ProjectStatusChanged } from './project.events';
import {
  AttendanceReported,
  PaySheetRevisionDecided,
  PaySheetRevisionSubmitted,
  PaySheetSubmitted,
  WorkerEnrolled,
  WorkerExited,
  WorkerMonthAnswered,
  WorkerUpdated,
} from './roster.events';

export * from './account.events';
export * from './alert.events';
export * from './assessment.events';
export * from './enforcement.events';
export * from './project.events';
export * from './roster.events';

// Tuples, so that `parseEvent(rosterEvents, raw)` returns a union a consumer narrows by `event.type`.
export const projectEvents = [ProjectRegistered, ProjectStatusChanged, ProjectGridChanged] as const;
export const rosterEvents = [
  WorkerEnrolled,
  WorkerUpdated,
  WorkerExited,
  AttendanceReported,
  PaySheetSubmitted,
  PaySheetRevisionSubmitted,
  PaySheetRevisionDecided,
  WorkerMonthAnswered,
] as const;
export const accountEvents = [
  WageAccountOpened,
  TransactionRecorded,
  DepositRecorded,
  DepositMovementRecorded,
  AccountStatementReported,
] as const;
export const alertEvents = [
  AlertRaised,
  AlertUpdated,
  AlertCleared,
  AlertSuppressed,
  AlertDismissed,
] as const;
export const assessmentEvents = [MonthlyAssessmentCompleted] as const;
export const enforcementEvents = [
  CaseOpened,
  CaseClosed,
  EmployerFindingRecorded,
  GradeAssigned,
  EmployerListed,
  EmployerDelisted,
  RectificationOrdered,
  CaseOverdue,
  VerificationRequested,
  VerificationRecorded,
  VerificationOverdue,
] as const;

export type ProjectEvent = AnyEventOf<typeof projectEvents>;
export type RosterEvent = AnyEventOf<typeof rosterEvents>;
export type AccountEvent = AnyEventOf<typeof accountEvents>;
export type AlertEvent = AnyEventOf<typeof alertEvents>;
export type AssessmentEvent = AnyEventOf<typeof assessmentEvents>;
export type EnforcementEvent = AnyEventOf<typeof enforcementEvents>;

export const eventsByTopic = {
  [Topics.project]: projectEvents,
  [Topics.roster]: rosterEvents,
  [Topics.account]: accountEvents,
  [Topics.alert]: alertEvents,
  [Topics.assessment]: assessmentEvents,
  [Topics.enforcement]: enforcementEvents,
} as const satisfies Record<Topic, readonly unknown[]>;
