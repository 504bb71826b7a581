import { platformTablesMigration } from '@wage/platform';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [platformTablesMigration('wage_account')];
