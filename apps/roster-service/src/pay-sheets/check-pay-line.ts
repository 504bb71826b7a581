import { DomainError, MAX_PAY_LINE_FEN, parseYuan } from '@wage/domain';
import type { RowError } from '@wage/platform';
import type { PayLine } from './dto/submit-pay-sheet.dto';

type Problem = Omit<RowError, 'index'>;

/** A line's amounts in fen: 应发 (gross) and 实发 (net), net never above gross. */
export function checkPayLine(
  line: PayLine,
): { value: { grossPayFen: number; netPayFen: number } } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const amount = (field: 'grossPay' | 'netPay'): number | undefined => {
    try {
      // Bounded per line, so no sheet's totals can leave the exact range of a number (10,000 lines at most).
      return parseYuan(line[field], { max: MAX_PAY_LINE_FEN });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ field, code: error.code, message: error.message });
      return undefined;
    }
  };
  const grossPayFen = amount('grossPay');
  const netPayFen = amount('netPay');
  if (grossPayFen !== undefined && netPayFen !== undefined && netPayFen > grossPayFen) {
    problems.push({
      field: 'netPay',
      code: 'NET_EXCEEDS_GROSS',
      message: `net pay ${line.netPay} is more than gross pay ${line.grossPay}; net pay is what remains after deductions`,
    });
  }
  return problems.length > 0 ? { problems } : { value: { grossPayFen: grossPayFen!, netPayFen: netPayFen! } };
}
