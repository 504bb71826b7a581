import type { AlertCode, AlertEvidence } from '@wage/contracts';

/**
 * Wages still owed to workers according to an alert's evidence, in fen: 欠薪 — the net pay due to the workers who
 * received nothing; 未足额支付 — the shortfall against the pay sheet. Other alerts (a deposit or balance
 * shortfall, diverted funds) are risks, not wages owed, and add nothing: summing them with wages would
 * overstate what workers are owed.
 */
export function amountOutstandingFen(code: AlertCode, evidence: AlertEvidence): number {
  switch (code) {
    case 'WAGE_ARREARS':
      return Math.max(0, evidence.amounts.netPayDueFen ?? 0);
    case 'WAGE_UNDERPAID':
      return Math.max(0, evidence.amounts.shortfallFen ?? 0);
    default:
      return 0;
  }
}
