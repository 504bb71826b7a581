import { envSchema } from '../../config/env';
import { localName, minimumMonthlyWage } from './rights-board';

describe('the minimum wage on the board', () => {
  const table = { '000000': 190_000, '350000': 181_000, '350200': 203_000 };

  it.each([
    // region     most specific figure listed
    ['350206', 203_000], // 湖里区 → 厦门市 (350200)
    ['350206001', 203_000], // 湖里街道 → 湖里区 → 厦门市
    ['350700', 181_000], // 南平市 → 福建省 (350000)
    ['110105', 190_000], // 北京市朝阳区: nothing listed → national
  ])('%s takes %i fen', (region, fen) => {
    expect(minimumMonthlyWage(table, region)).toBe(fen);
  });

  it('is configured as regionCode=yuan pairs with a national figure', () => {
    const parse = (value: string) =>
      envSchema.shape.MINIMUM_MONTHLY_WAGES.safeParse(value) as { success: boolean; data?: unknown };
    expect(parse('000000=2030, 350200=2030.50')).toEqual({
      success: true,
      data: { '000000': 203_000, '350200': 203_050 },
    });
    expect(parse('350200=2030').success).toBe(false); // no national figure
    expect(parse('000000=2030,35020=2030').success).toBe(false); // not a region code
    expect(parse('000000=two thousand').success).toBe(false);
    expect(envSchema.shape.MINIMUM_MONTHLY_WAGES.parse(undefined)).toEqual({ '000000': 203_000 });
  });
});

describe('the local offices the board names', () => {
  it.each([
    ['350206', '厦门市湖里区'],
    ['110105', '北京市朝阳区'],
  ])('%s → %s', (region, name) => {
    expect(localName(region)).toBe(name);
  });
});
