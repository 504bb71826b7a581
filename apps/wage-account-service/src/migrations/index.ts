import { outboxPayloadAsJsonMigration, platformTablesMigration } from '@wage/platform';
import { CreateWageAccounts1763800000000 } from './1763800000000-create-wage-accounts';
import { CashWithdrawals1764300000000 } from './1764300000000-cash-withdrawals';
import { StatementThrough1764300000001 } from './1764300000001-statement-through';
import { DepositConfirmation1764400000001 } from './1764400000001-deposit-confirmation';
import { CaseInsensitiveAccountNumbers1764800100001 } from './1764800100001-case-insensitive-account-numbers';

/** Applied in this order; listed explicitly so the build cannot change what runs. */
export const migrations = [
  platformTablesMigration('wage_account'),
  CreateWageAccounts1763800000000,
  CashWithdrawals1764300000000,
  StatementThrough1764300000001,
  DepositConfirmation1764400000001,
  CaseInsensitiveAccountNumbers1764800100001,
  outboxPayloadAsJsonMigration('wage_account'),
];
