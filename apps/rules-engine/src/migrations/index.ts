import { outboxPayloadAsJsonMigration, platformTablesMigration } from '@wage/platform';
import { CreateReadModel1763900000000 } from './1763900000000-create-read-model';
import { AlertLifecycleAndFeed1764300000000 } from './1764300000000-alert-lifecycle-and-feed';
import { CreateCalendars1764600000100 } from './1764600000100-create-calendars';
import { PaySheetRevisions1764800000100 } from './1764800000100-pay-sheet-revisions';
import { RuleOverrideChanges1764800100002 } from './1764800100002-rule-override-changes';
import { EmployerStanding1764800200100 } from './1764800200100-employer-standing';
import { WorkerMonthAnswers1764800300100 } from './1764800300100-worker-month-answers';
import { RectificationOrders1764900200000 } from './1764900200000-rectification-orders';
import { ProjectGrids1764900400100 } from './1764900400100-project-grids';
import { GradeHistory1765000300000 } from './1765000300000-grade-history';
import { PendingEvaluationClaims1765100000000 } from './1765100000000-pending-evaluation-claims';
import { PayrollCounterpartyIndexes1765100000200 } from './1765100000200-payroll-counterparty-indexes';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [
  platformTablesMigration('rules'),
  CreateReadModel1763900000000,
  AlertLifecycleAndFeed1764300000000,
  CreateCalendars1764600000100,
  PaySheetRevisions1764800000100,
  RuleOverrideChanges1764800100002,
  EmployerStanding1764800200100,
  WorkerMonthAnswers1764800300100,
  RectificationOrders1764900200000,
  ProjectGrids1764900400100,
  GradeHistory1765000300000,
  PendingEvaluationClaims1765100000000,
  outboxPayloadAsJsonMigration('rules'),
  PayrollCounterpartyIndexes1765100000200,
];
