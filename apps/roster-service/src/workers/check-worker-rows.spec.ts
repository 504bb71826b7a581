import { identityCheckDigit } from '@wage/domain';
import { checkWorkerRows } from './check-worker-rows';
import { isoDateFromClerk } from './import/worker-columns';

const id = (birth: string, seq = '123') => {
  const first17 = `350206${birth}${seq}`;
  return first17 + identityCheckDigit(first17);
};
const row = (overrides: Record<string, unknown> = {}) => ({
  idNumber: id('19880517'),
  name: 'Li Ming',
  entryDate: '2026-09-01',
  ...overrides,
});
const today = '2026-11-21';
const codes = (rows: unknown[]) => checkWorkerRows(rows, today).errors.map((e) => [e.index, e.field, e.code]);

describe('checkWorkerRows', () => {
  it.each([
    ['a good row', row(), []],
    [
      '15 on the entry date (born 2010-09-02, enters 2026-09-01)',
      row({ idNumber: id('20100902') }),
      [[0, 'idNumber', 'UNDER_MINIMUM_AGE']],
    ],
    ['16 on the entry date (born 2010-09-01)', row({ idNumber: id('20100901') }), []],
    ['exit before entry', row({ exitDate: '2026-08-31' }), [[0, 'exitDate', 'EXIT_BEFORE_ENTRY']]],
    ['exit on the entry day', row({ exitDate: '2026-09-01' }), []],
    ['card with spaces', row({ bankCard: { bankCode: 'ICBC', cardNumber: '6222 0212 3456 7890 123' } }), []],
    [
      'card too short',
      row({ bankCard: { bankCode: 'ICBC', cardNumber: '622202' } }),
      [[0, 'bankCard.cardNumber', 'INVALID_CARD_NUMBER']],
    ],
    ['landline phone', row({ phone: '0592-1234567' }), [[0, 'phone', 'INVALID_PHONE']]],
    ['no name', row({ name: undefined }), [[0, 'name', 'REQUIRED']]],
    ['not a date', row({ entryDate: '2026-02-30' }), [[0, 'entryDate', 'INVALID_DATE']]],
  ])('%s', (_case, given, expected) => {
    expect(codes([given])).toEqual(expected);
  });

  it('accepts a lower-case x as the check character and keeps the number upper-case', () => {
    // Only a number whose check character really is X can be written with a lower-case x.
    const withX = Array.from({ length: 1000 }, (_, n) => id('19880517', String(n).padStart(3, '0'))).find(
      (v) => v.endsWith('X'),
    )!;
    const result = checkWorkerRows([row({ idNumber: withX.toLowerCase() })], today);
    expect(result.errors).toEqual([]);
    expect(result.workers[0].idNumber).toBe(withX);
  });

  it('reports the second row of one identity as a duplicate, and never the number itself', () => {
    const result = checkWorkerRows([row(), row({ name: 'again' })], today);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 1, field: 'idNumber', code: 'DUPLICATE_ID_NUMBER' }),
    ]);
    expect(JSON.stringify(result.errors)).not.toContain(row().idNumber);
  });
});

describe('isoDateFromClerk', () => {
  it.each([
    ['2026/9/1', '2026-09-01'],
    ['2026-9-1', '2026-09-01'],
    ['2026.09.01', '2026-09-01'],
    ['2026年9月1日', '2026-09-01'],
    ['2026-09-01', '2026-09-01'],
    ['9/1/2026', '9/1/2026'], // left for the date check to refuse: the order is ambiguous
  ])('%s → %s', (given, expected) => {
    expect(isoDateFromClerk(given)).toBe(expected);
  });
});
