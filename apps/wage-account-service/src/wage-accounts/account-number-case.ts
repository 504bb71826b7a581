import { CanonicalCaseParam, type CaseInsensitiveColumn } from '@wage/platform';
import { SCHEMA } from '../schema';

/** Dedicated account numbers are unique and found whatever their case; the spelling first registered is kept. */
export const ACCOUNT_NUMBER_COLUMN: CaseInsensitiveColumn = {
  table: `${SCHEMA}.wage_accounts`,
  column: 'account_number',
  registeredAt: 'created_at',
};

/** `/wage-accounts/{accountNumber}` in any case reaches the account under its registered spelling. */
export const CanonicalAccountNumber = CanonicalCaseParam('accountNumber', ACCOUNT_NUMBER_COLUMN);
