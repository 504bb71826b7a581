import { MAX_ACCOUNT_TOTAL_FEN } from '@wage/domain';
import { rowsBeyondAccountTotals } from './account-totals';

describe('rowsBeyondAccountTotals', () => {
  const max = 1_000; // 10.00 yuan, to keep the arithmetic readable

  it.each([
    // stored credits 900 + 100 = 1000: at the bound, accepted
    [
      'reaching the bound exactly',
      { creditsFen: 900n, debitsFen: 0n },
      [{ index: 0, direction: 'CREDIT', amountFen: 100 }],
      [],
    ],
    // 900 + 100 = 1000, + 1 = 1001 > 1000: row 1 crosses; row 2 (a debit) is counted on its own total
    [
      'the row that crosses and the later rows of its direction',
      { creditsFen: 900n, debitsFen: 999n },
      [
        { index: 0, direction: 'CREDIT', amountFen: 100 },
        { index: 1, direction: 'CREDIT', amountFen: 1 },
        { index: 2, direction: 'DEBIT', amountFen: 1 },
        { index: 3, direction: 'CREDIT', amountFen: 5 },
      ],
      [1, 3],
    ],
    // debits 999 + 2 = 1001 > 1000
    [
      'debits as well as credits',
      { creditsFen: 0n, debitsFen: 999n },
      [{ index: 4, direction: 'DEBIT', amountFen: 2 }],
      [4],
    ],
    // rows are taken in batch order, whatever order they come in: 0 (600) then 1 (600) crosses
    [
      'in batch order',
      { creditsFen: 0n, debitsFen: 0n },
      [
        { index: 1, direction: 'CREDIT', amountFen: 600 },
        { index: 0, direction: 'CREDIT', amountFen: 600 },
      ],
      [1],
    ],
  ] as const)('%s', (_, stored, rows, indexes) => {
    const errors = rowsBeyondAccountTotals(stored, rows, max);
    expect(errors.map((e) => e.index)).toEqual(indexes);
    for (const error of errors) {
      expect(error).toMatchObject({ field: 'amount', code: 'ACCOUNT_TOTAL_TOO_LARGE' });
      expect(error.message).toContain('10.00 元');
    }
  });

  it('sums stored totals beyond 2^53 fen exactly (data recorded before the bound)', () => {
    const stored = { creditsFen: BigInt(Number.MAX_SAFE_INTEGER) + 2n, debitsFen: 0n };
    expect(rowsBeyondAccountTotals(stored, [{ index: 0, direction: 'DEBIT', amountFen: 1 }])).toEqual([]);
    expect(rowsBeyondAccountTotals(stored, [{ index: 0, direction: 'CREDIT', amountFen: 1 }])).toHaveLength(
      1,
    );
  });

  it('bounds an account at 1万亿元', () => {
    expect(MAX_ACCOUNT_TOTAL_FEN).toBe(100_000_000_000_000);
  });
});
