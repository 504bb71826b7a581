import { platformTablesMigration } from '@wage/platform';
import { CreateReportTables1764000000000 } from './1764000000000-create-report-tables';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [platformTablesMigration('reports'), CreateReportTables1764000000000];
