import { outboxPayloadAsJsonMigration, platformTablesMigration } from '@wage/platform';
import { CreateCaseworkTables1764700000000 } from './1764700000000-create-casework-tables';
import { CreateGradesAndBlacklist1764800200000 } from './1764800200000-create-grades-and-blacklist';
import { CreateRollEntries1764900100000 } from './1764900100000-create-roll-entries';
import { PayrollRecoveries1764900200100 } from './1764900200100-payroll-recoveries';
import { OverdueEscalations1764900200200 } from './1764900200200-overdue-escalations';
import { ComplaintSupplements1764900200400 } from './1764900200400-complaint-supplements';
import { CreateAlertRecord1764900900000 } from './1764900900000-create-alert-record';
import { CreateVisits1765000000000 } from './1765000000000-create-visits';
import { CreateVerifications1765000100000 } from './1765000100000-create-verifications';
import { CasesByProject1765000800000 } from './1765000800000-cases-by-project';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [
  platformTablesMigration('enforcement'),
  CreateCaseworkTables1764700000000,
  CreateGradesAndBlacklist1764800200000,
  CreateRollEntries1764900100000,
  PayrollRecoveries1764900200100,
  OverdueEscalations1764900200200,
  ComplaintSupplements1764900200400,
  CreateAlertRecord1764900900000,
  CreateVisits1765000000000,
  CreateVerifications1765000100000,
  CasesByProject1765000800000,
  outboxPayloadAsJsonMigration('enforcement'),
];
