import { outboxPayloadAsJsonMigration, platformTablesMigration } from '@wage/platform';
import { CreateReportTables1764000000000 } from './1764000000000-create-report-tables';
import { AllSystemsOverEveryProject1764600000000 } from './1764600000000-all-systems-over-every-project';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [
  platformTablesMigration('reports'),
  CreateReportTables1764000000000,
  AllSystemsOverEveryProject1764600000000,
  outboxPayloadAsJsonMigration('reports'),
];
