import { migrations } from './migrations';
import { SCHEMA } from './schema';

/** enforcement-service owns the `enforcement` schema and touches no other service's tables. */
export const database = {
  schema: SCHEMA,
  entities: [],
  migrations,
};
