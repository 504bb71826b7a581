import { outboxPayloadAsJsonMigration, platformTablesMigration } from '@wage/platform';
import { CreateAlertCases1764100000000 } from './1764100000000-create-alert-cases';
import { AlertSourceOrder1764200000000 } from './1764200000000-alert-source-order';
import { AuditLogByInstant1764300000000 } from './1764300000000-audit-log-by-instant';
import { ResolvedSeverity1764300100000 } from './1764300100000-resolved-severity';
import { UserAdministration1764800400000 } from './1764800400000-user-administration';
import { AlertEnforcementCases1764800500000 } from './1764800500000-alert-enforcement-cases';
import { CaseEscalations1764900200300 } from './1764900200300-case-escalations';
import { AlertGrids1764900400200 } from './1764900400200-alert-grids';
import { GridAssistants1764900400300 } from './1764900400300-grid-assistants';
import { VerificationNotices1765000200000 } from './1765000200000-verification-notices';
import { ProjectContractors1765000200100 } from './1765000200100-project-contractors';
import { WorkbenchIndexes1765000700000 } from './1765000700000-workbench-indexes';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [
  platformTablesMigration('alerts'),
  CreateAlertCases1764100000000,
  AlertSourceOrder1764200000000,
  AuditLogByInstant1764300000000,
  ResolvedSeverity1764300100000,
  UserAdministration1764800400000,
  AlertEnforcementCases1764800500000,
  CaseEscalations1764900200300,
  AlertGrids1764900400200,
  GridAssistants1764900400300,
  VerificationNotices1765000200000,
  ProjectContractors1765000200100,
  WorkbenchIndexes1765000700000,
  outboxPayloadAsJsonMigration('alerts'),
];
