import { blindIndex, fen, gridCode, maskedAccountNumber, maskedIdNumber, month, regionCode } from './fields';

const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('personal data', () => {
  it.each([
    ['350206********1234', true],
    ['350206********123X', true],
    ['350206199001011234', false], // the clear number
    ['350206****0101**34', false],
    ['350206********1234 ', false],
  ])('maskedIdNumber %j → %s', (value, ok) => {
    expect(accepts(maskedIdNumber, value)).toBe(ok);
  });

  it.each([
    ['6222***********0123', true],
    ['6222****0123', true],
    ['6222021234567890123', false], // the clear number
    ['622202*********0123', false],
  ])('maskedAccountNumber %j → %s', (value, ok) => {
    expect(accepts(maskedAccountNumber, value)).toBe(ok);
  });

  it('takes a blind index only as 64 lowercase hex digits', () => {
    expect(accepts(blindIndex, 'ab'.repeat(32))).toBe(true);
    expect(accepts(blindIndex, 'AB'.repeat(32))).toBe(false);
    expect(accepts(blindIndex, 'ab'.repeat(31))).toBe(false);
  });
});

describe('values', () => {
  it.each([
    [123456, true],
    [0, true],
    [12.5, false], // fen are whole
    [-1, false],
    [Number.MAX_SAFE_INTEGER + 1, false],
    ['100', false],
  ])('fen %j → %s', (value, ok) => {
    expect(accepts(fen, value)).toBe(ok);
  });

  it.each([
    ['2024-05', true],
    ['2024-5', false],
    ['2024/05', false],
    ['2024-13', false],
    ['2024-05-01', false],
  ])('month %j → %s', (value, ok) => {
    expect(accepts(month, value)).toBe(ok);
  });

  it('takes six-digit region codes and grids of nine or twelve digits', () => {
    expect(accepts(regionCode, '350206')).toBe(true);
    expect(accepts(regionCode, '350206001')).toBe(true);
    expect(accepts(regionCode, '350206001001')).toBe(true);
    expect(accepts(regionCode, '3502')).toBe(false);
    expect(accepts(regionCode, '3502060010')).toBe(false);
    expect(accepts(gridCode, '350206001')).toBe(true);
    expect(accepts(gridCode, '350206001001')).toBe(true);
    expect(accepts(gridCode, '350206')).toBe(false);
  });
});
