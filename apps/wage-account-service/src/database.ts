import { migrations } from './migrations';

/** wage-account-service owns the `wage_account` schema and touches no other service's tables. */
export const database = {
  schema: 'wage_account',
  entities: [],
  migrations,
};
