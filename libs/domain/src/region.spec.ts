import {
  covers,
  isDirectChild,
  isRegionCode,
  NATIONAL_REGION,
  parentRegion,
  type RegionLevel,
  regionChain,
  regionLevel,
  regionPrefix,
} from './region';

describe('isRegionCode', () => {
  it.each([
    ['350000', true],
    ['350200', true],
    ['350206', true],
    ['000000', true], // the whole country
    ['35020', false],
    ['3502060', false],
    ['35020a', false],
    ['001234', false], // no province starts 00
    ['350206001', true], // 湖里街道, a 街道 (9 digits)
    ['350206001001', true], // 湖里社区居委会, a 社区 (12 digits)
    ['350206000', false], // the long form of the district, not a grid
    ['350206001000', false], // the long form of the street
    ['3502060010', false],
    ['35020600100', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isRegionCode(value)).toBe(expected);
  });
});

describe('regionLevel and regionPrefix', () => {
  it.each<[string, RegionLevel, string]>([
    ['000000', 'NATIONAL', ''],
    ['350000', 'PROVINCE', '35'],
    ['350200', 'CITY', '3502'],
    ['350206', 'DISTRICT', '350206'],
    ['110101', 'DISTRICT', '110101'], // 东城区 of Beijing, a municipality: its "city" digits are 01
    ['429004', 'DISTRICT', '429004'], // 仙桃市, a county-level city under the province
    ['350006', 'DISTRICT', '350006'], // the shape xx00yy: a county with no city between it and the province
    ['350206001', 'STREET', '350206001'], // a grid is its own prefix
    ['350206001001', 'COMMUNITY', '350206001001'],
  ])('%s is a %s with prefix %j', (code, level, prefix) => {
    expect(regionLevel(code)).toBe(level);
    expect(regionPrefix(code)).toBe(prefix);
  });

  it.each([['35'], ['3502061'], ['003500']])('refuses %j', (code) => {
    expect(() => regionPrefix(code)).toThrow(expect.objectContaining({ code: 'INVALID_REGION_CODE' }));
  });
});

describe('covers', () => {
  it.each([
    ['a region covers itself', '350206', '350206', true],
    ['a city covers its districts (prefix 3502)', '350200', '350206', true],
    ['a province covers its cities (prefix 35)', '350000', '350200', true],
    ['a province covers its districts', '350000', '350206', true],
    ['the nation covers everything (empty prefix)', NATIONAL_REGION, '650102', true],
    ['a district does not cover its city', '350206', '350200', false],
    ['a city does not cover a sibling city', '350200', '350100', false],
    ['a province does not cover another', '350000', '360000', false],
    ['a district does not cover a sibling', '350206', '350203', false],
    ['only the nation covers the nation', '350000', NATIONAL_REGION, false],
    ['a district covers its streets (prefix 350206)', '350206', '350206001', true],
    ['a district covers its communities', '350206', '350206001001', true],
    ['a city covers the streets of its districts', '350200', '350206001', true],
    ['a street covers itself', '350206001', '350206001', true],
    ['a street covers its communities (prefix 350206001)', '350206001', '350206001001', true],
    ['a street does not cover its district', '350206001', '350206', false],
    ['a street does not cover a sibling street', '350206001', '350206002', false],
    ["a street does not cover a sibling's community", '350206001', '350206002001', false],
    ['a community does not cover its street', '350206001001', '350206001', false],
  ])('%s: %s over %s → %s', (_scenario, userRegion, projectRegion, expected) => {
    expect(covers(userRegion, projectRegion)).toBe(expected);
  });

  it.each([
    ['an invalid user region', '3502', '350206'],
    ['an invalid project region', '350200', '3502'],
  ])('refuses %s', (_scenario, userRegion, projectRegion) => {
    expect(() => covers(userRegion, projectRegion)).toThrow(
      expect.objectContaining({ code: 'INVALID_REGION_CODE' }),
    );
  });
});

describe('parentRegion and regionChain', () => {
  it.each<[string, string | null, string[]]>([
    ['350206', '350200', ['350206', '350200', '350000']],
    ['350200', '350000', ['350200', '350000']],
    ['350000', null, ['350000']],
    ['350006', '350000', ['350006', '350000']], // shape xx00yy: no city level
    [NATIONAL_REGION, null, [NATIONAL_REGION]],
    ['350206001', '350206', ['350206001', '350206', '350200', '350000']],
    ['350206001001', '350206001', ['350206001001', '350206001', '350206', '350200', '350000']],
  ])('%s: parent %s, chain %j', (code, parent, chain) => {
    expect(parentRegion(code)).toBe(parent);
    expect(regionChain(code)).toEqual(chain);
  });
});

describe('isDirectChild', () => {
  it.each([
    ['a city of its province', '350000', '350200', true],
    ['a district of its city', '350200', '350206', true],
    ['a county with no city level (xx00yy) of its province', '350000', '350006', true],
    ['a province of the nation', NATIONAL_REGION, '350000', true],
    ['a district of its province (two levels down)', '350000', '350206', false],
    ['a city of the nation (two levels down)', NATIONAL_REGION, '350200', false],
    ['a region of itself', '350200', '350200', false],
    ['the nation of itself', NATIONAL_REGION, NATIONAL_REGION, false],
    ['a city of another province', '360000', '350200', false],
    ['a parent of its child (reversed)', '350206', '350200', false],
    ['a street of its district', '350206', '350206001', true],
    ['a community of its street', '350206001', '350206001001', true],
    ['a community of its district (two levels down)', '350206', '350206001001', false],
  ])('%s: %s → %s is %s', (_scenario, parent, child, expected) => {
    expect(isDirectChild(parent, child)).toBe(expected);
  });
});
