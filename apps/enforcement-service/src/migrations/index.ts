import { platformTablesMigration } from '@wage/platform';
import { CreateCaseworkTables1764700000000 } from './1764700000000-create-casework-tables';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [platformTablesMigration('enforcement'), CreateCaseworkTables1764700000000];
