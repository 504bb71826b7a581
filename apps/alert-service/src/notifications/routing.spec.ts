import type { User } from '../users/user.repository';
import { channelsOf, mostSpecific, regionsAbove } from './routing';

const person = (username: string, regionCode: string, extra: Partial<User> = {}): User => ({
  username,
  role: 'INSPECTOR',
  regionCode,
  displayName: username,
  email: null,
  webhookUrl: null,
  wecomWebhook: null,
  dingtalkWebhook: null,
  ...extra,
});

describe('routing', () => {
  const district = person('d', '350206');
  const district2 = person('d2', '350206');
  const city = person('c', '350200');
  const province = person('p', '350000');
  const otherDistrict = person('o', '350203');

  it.each([
    ['district inspectors when the district has any', [district, district2, city, province], ['d', 'd2']],
    ['the city when the district has none', [city, province, otherDistrict], ['c']],
    ['the province when neither has', [province, otherDistrict], ['p']],
    ['nobody when nobody covers the region', [otherDistrict], []],
  ])('notifies %s', (_case, people, expected) => {
    expect(mostSpecific(people, '350206').map((p) => p.username)).toEqual(expected);
  });

  it('escalates district → city → province → nation', () => {
    expect(regionsAbove('350206')).toEqual(['350200', '350000', '000000']);
    expect(regionsAbove('350000')).toEqual(['000000']);
  });

  it('reaches people on the channels they gave; digests skip webhooks', () => {
    const someone = person('s', '350206', {
      email: 'a@b.cn',
      webhookUrl: 'http://x',
      dingtalkWebhook: 'http://d',
    });
    expect(channelsOf(someone)).toEqual(['EMAIL', 'WEBHOOK', 'DINGTALK']);
    expect(channelsOf(someone, true)).toEqual(['EMAIL', 'DINGTALK']);
  });
});
