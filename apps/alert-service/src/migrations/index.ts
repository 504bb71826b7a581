import { platformTablesMigration } from '@wage/platform';
import { CreateAlertCases1764100000000 } from './1764100000000-create-alert-cases';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [platformTablesMigration('alerts'), CreateAlertCases1764100000000];
