import { migrations } from './migrations';
import { SCHEMA } from './schema';

/** rules-engine owns the `rules` schema and touches no other service's tables. */
export const database = {
  schema: SCHEMA,
  entities: [],
  migrations,
};
