import { parseInstant } from '../month';
import type { WorkerMonth } from './wage-month';

// Shared by the wage rules' specs: workers named by number, masked and hashed as the read model holds them.

export const at = parseInstant;

export function worker(
  n: number,
  {
    days = 22,
    netPayFen = 600_000,
    paidFen = 0,
  }: { days?: number; netPayFen?: number | null; paidFen?: number },
): WorkerMonth {
  return {
    idHash: `id-hash-${n}`,
    idMasked: `350206********${String(n).padStart(4, '0')}`,
    name: `工人${n}`,
    daysWorked: days,
    netPayFen,
    paidFen,
  };
}

/** n workers alike, numbered from `from`. */
export function workers(n: number, line: Parameters<typeof worker>[1], from = 1): WorkerMonth[] {
  return Array.from({ length: n }, (_, i) => worker(from + i, line));
}
