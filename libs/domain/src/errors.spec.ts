import { DomainError, valueOrThrow } from './errors';

describe('DomainError', () => {
  it('carries its code and the field at fault, and is an Error', () => {
    const error = new DomainError('INVALID_AMOUNT', 'The amount must be more than zero; got "0".', 'netPay');

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'DomainError',
      code: 'INVALID_AMOUNT',
      field: 'netPay',
      message: 'The amount must be more than zero; got "0".',
    });
  });
});

describe('valueOrThrow', () => {
  it('returns the value of a valid result', () => {
    expect(valueOrThrow({ ok: true, value: 42 })).toBe(42);
  });

  it('throws a failed result as a DomainError with its code and message', () => {
    expect(() => valueOrThrow({ ok: false, code: 'INVALID_MONTH', message: 'not a month' })).toThrow(
      expect.objectContaining({ name: 'DomainError', code: 'INVALID_MONTH', message: 'not a month' }),
    );
  });
});
