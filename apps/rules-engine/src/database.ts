import { migrations } from './migrations';

/** rules-engine owns the `rules` schema and touches no other service's tables. */
export const database = {
  schema: 'rules',
  entities: [],
  migrations,
};
