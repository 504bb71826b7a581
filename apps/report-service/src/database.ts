import { migrations } from './migrations';

/** report-service owns the `reports` schema and touches no other service's tables. */
export const database = {
  schema: 'reports',
  entities: [],
  migrations,
};
