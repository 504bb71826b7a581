import { migrations } from './migrations';

/** alert-service owns the `alerts` schema and touches no other service's tables. */
export const database = {
  schema: 'alerts',
  entities: [],
  migrations,
};
