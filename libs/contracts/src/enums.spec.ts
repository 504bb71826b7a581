import {
  ALERT_CATALOGUE,
  ALERT_CODES,
  AlertCode,
  compareSeverity,
  SEVERITIES,
  Severity,
  severityRank,
  TRANSACTION_KIND_DIRECTION,
  TransactionKind,
} from './enums';

describe('TRANSACTION_KIND_DIRECTION', () => {
  it.each<[TransactionKind, 'CREDIT' | 'DEBIT']>([
    ['APPROPRIATION', 'CREDIT'],
    ['REFUND', 'CREDIT'],
    ['INTEREST', 'CREDIT'],
    ['PAYROLL', 'DEBIT'],
    ['WITHDRAWAL', 'DEBIT'],
    ['TRANSFER', 'DEBIT'],
    ['FEE', 'DEBIT'],
  ])('%s is a %s', (kind, direction) => {
    expect(TRANSACTION_KIND_DIRECTION[kind]).toBe(direction);
  });
});

describe('severity order', () => {
  it('ranks BLUE < YELLOW < ORANGE < RED', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([0, 1, 2, 3]);
    expect(compareSeverity('RED', 'ORANGE')).toBeGreaterThan(0);
    expect(compareSeverity('BLUE', 'YELLOW')).toBeLessThan(0);
    expect(compareSeverity('ORANGE', 'ORANGE')).toBe(0);
  });

  it('sorts from least to most severe', () => {
    const unsorted: Severity[] = ['RED', 'BLUE', 'ORANGE', 'YELLOW'];
    expect([...unsorted].sort(compareSeverity)).toEqual(['BLUE', 'YELLOW', 'ORANGE', 'RED']);
  });
});

describe('alert catalogue', () => {
  it('has the 16 public codes, each with a Chinese name and a default severity', () => {
    expect(ALERT_CODES).toHaveLength(16);
    expect(Object.keys(ALERT_CATALOGUE).sort()).toEqual([...ALERT_CODES].sort());
    expect(ALERT_CATALOGUE.WAGE_ARREARS).toEqual({ name: '欠薪', defaultSeverity: 'YELLOW' });
    expect(ALERT_CATALOGUE.ACCOUNT_BALANCE_SHORTFALL.defaultSeverity).toBe('BLUE');
    expect(ALERT_CATALOGUE.WORKER_PAY_DISPUTED).toEqual({
      name: '工人对工资有异议',
      defaultSeverity: 'YELLOW',
    });
  });

  it('rejects a code outside the contract', () => {
    expect(AlertCode.safeParse('WAGE_LATE').success).toBe(false);
    expect(AlertCode.parse('FUNDS_DIVERTED')).toBe(AlertCode.enum.FUNDS_DIVERTED);
  });
});
