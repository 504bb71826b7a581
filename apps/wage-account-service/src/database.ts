import { migrations } from './migrations';
import { SCHEMA } from './schema';

/** wage-account-service owns the `wage_account` schema and touches no other service's tables. */
export const database = {
  schema: SCHEMA,
  entities: [],
  migrations,
};
