import { migrations } from './migrations';

/** roster-service owns the `roster` schema and touches no other service's tables. */
export const database = {
  schema: 'roster',
  entities: [],
  migrations,
};
