export * from './abnormal-payout';
export * from './account-balance-shortfall';
export * from './bank-feed-stale';
export * from './closed-months';
export * from './deposit';
export * from './deposit-guarantee-expiring';
export * from './deposit-shortfall';
export * from './finding';
export * from './funds-diverted';
export * from './labor-cost-not-appropriated';
export * from './no-wage-account';
export * from './parameters';
export * from './pay-sheet-missing';
export * from './payee-not-on-roster';
export * from './payment-attribution';
export * from './project-month';
export * from './real-name-gap';
export * from './rectification-overdue';
export * from './shared-bank-card';
export * from './suppression';
export * from './transactions';
export * from './wage-arrears';
export * from './wage-month';
export * from './wage-underpaid';
export * from './worker-pay-disputed';

import { evaluateAbnormalPayout } from './abnormal-payout';
import { evaluateAccountBalanceShortfall } from './account-balance-shortfall';
import { evaluateBankFeedStale } from './bank-feed-stale';
import { evaluateDepositGuaranteeExpiring } from './deposit-guarantee-expiring';
import { evaluateDepositShortfall } from './deposit-shortfall';
import type { Finding, RuleCode } from './finding';
import { evaluateFundsDiverted } from './funds-diverted';
import { evaluateLaborCostNotAppropriated } from './labor-cost-not-appropriated';
import { evaluateNoWageAccount } from './no-wage-account';
import { evaluatePaySheetMissing } from './pay-sheet-missing';
import { evaluatePayeeNotOnRoster } from './payee-not-on-roster';
import { evaluateRealNameGap } from './real-name-gap';
import { evaluateSharedBankCard } from './shared-bank-card';
import { evaluateRectificationOverdue } from './rectification-overdue';
import { evaluateWageArrears } from './wage-arrears';
import { evaluateWageUnderpaid } from './wage-underpaid';
import { evaluateWorkerPayDisputed } from './worker-pay-disputed';

/**
 * Each rule code's evaluator, `evaluate<CodeInPascalCase>` from `./<code-in-kebab-case>.ts`. Each takes its own
 * facts; the composition (`project-month.ts`, the engine's project rules) decides what it passes.
 */
export const RULE_EVALUATORS = {
  WAGE_ARREARS: evaluateWageArrears,
  WAGE_UNDERPAID: evaluateWageUnderpaid,
  PAY_SHEET_MISSING: evaluatePaySheetMissing,
  LABOR_COST_NOT_APPROPRIATED: evaluateLaborCostNotAppropriated,
  ACCOUNT_BALANCE_SHORTFALL: evaluateAccountBalanceShortfall,
  DEPOSIT_SHORTFALL: evaluateDepositShortfall,
  DEPOSIT_GUARANTEE_EXPIRING: evaluateDepositGuaranteeExpiring,
  FUNDS_DIVERTED: evaluateFundsDiverted,
  PAYEE_NOT_ON_ROSTER: evaluatePayeeNotOnRoster,
  SHARED_BANK_CARD: evaluateSharedBankCard,
  ABNORMAL_PAYOUT: evaluateAbnormalPayout,
  NO_WAGE_ACCOUNT: evaluateNoWageAccount,
  REAL_NAME_GAP: evaluateRealNameGap,
  BANK_FEED_STALE: evaluateBankFeedStale,
  WORKER_PAY_DISPUTED: evaluateWorkerPayDisputed,
  RECTIFICATION_OVERDUE: evaluateRectificationOverdue,
} as const satisfies { readonly [Code in RuleCode]: (input: never) => Finding | null };
