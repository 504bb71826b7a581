import { type AccountDebit, classifyDebit } from './transactions';
import { debit, roster } from './transactions.fixtures';

describe('classifyDebit', () => {
  it.each<[string, Partial<AccountDebit> & Pick<AccountDebit, 'kind' | 'amountFen'>, string]>([
    [
      'payroll to a registered card',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-1' },
      'PAYROLL_TO_WORKER',
    ],
    [
      'a worker paid on a card that is not registered, identity on the roll',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-new', counterpartyIdHash: 'id-2' },
      'PAYROLL_TO_WORKER',
    ],
    [
      'a card not registered, no identity',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-new' },
      'PAYEE_NOT_ON_ROSTER',
    ],
    [
      'a card not registered, someone else’s identity',
      { kind: 'PAYROLL', amountFen: 1, counterpartyAccountHash: 'card-new', counterpartyIdHash: 'id-9' },
      'PAYEE_NOT_ON_ROSTER',
    ],
    ['a withdrawal', { kind: 'WITHDRAWAL', amountFen: 1 }, 'DIVERTED'],
    ['a transfer to a company', { kind: 'TRANSFER', amountFen: 1 }, 'DIVERTED'],
    ['a fee up to ¥500', { kind: 'FEE', amountFen: 50_000 }, 'BANK_FEE'],
    ['a "fee" over ¥500', { kind: 'FEE', amountFen: 50_001 }, 'DIVERTED'],
    // A cash withdrawal has no counterparty account; it is a debit that is not payroll (docs/domain.md).
    [
      'cash at the counter, no counterparty account',
      { kind: 'WITHDRAWAL', amountFen: 1, counterpartyAccountHash: undefined },
      'DIVERTED',
    ],
    [
      'a fee up to ¥500, no counterparty account',
      { kind: 'FEE', amountFen: 50_000, counterpartyAccountHash: undefined },
      'BANK_FEE',
    ],
    [
      'a "fee" over ¥500, no counterparty account',
      { kind: 'FEE', amountFen: 50_001, counterpartyAccountHash: undefined },
      'DIVERTED',
    ],
  ])('%s → %s', (_scenario, tx, expected) => {
    expect(classifyDebit(debit('S', tx.kind, tx.amountFen, tx), roster, 50_000)).toBe(expected);
  });
});
