import { outboxPayloadAsJsonMigration, platformTablesMigration } from '@wage/platform';
import { CreateRosterTables1763800000000 } from './1763800000000-create-roster-tables';
import { ProjectStatusRequests1764400000000 } from './1764400000000-project-status-requests';
import { PaySheetRevisions1764800000000 } from './1764800000000-pay-sheet-revisions';
import { CaseInsensitiveProjectCodes1764800100000 } from './1764800100000-case-insensitive-project-codes';
import { WorkerChannel1764800300000 } from './1764800300000-worker-channel';
import { ProjectGrids1764900400000 } from './1764900400000-project-grids';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [
  platformTablesMigration('roster'),
  CreateRosterTables1763800000000,
  ProjectStatusRequests1764400000000,
  PaySheetRevisions1764800000000,
  CaseInsensitiveProjectCodes1764800100000,
  WorkerChannel1764800300000,
  ProjectGrids1764900400000,
  outboxPayloadAsJsonMigration('roster'),
];
