import { isAllowListEntry, WebhookTargets } from './webhook-targets';

describe('where webhooks may go', () => {
  const none = new WebhookTargets([]);

  it.each([
    'http://127.0.0.1:6379/', // Redis on the same machine
    'http://127.8.9.10/',
    'http://169.254.169.254/latest/meta-data/', // the cloud metadata service
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://0.0.0.0:3001/',
    'http://[::1]:6379/',
    'http://[::ffff:127.0.0.1]/', // IPv4-mapped loopback
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://localhost:3004/',
    'http://api.localhost/',
    'http://2130706433/', // 127.0.0.1 written as one number: URL normalises it
    'http://0x7f.1/', // and in hex
  ])('refuses %s unless allow-listed', (url) => {
    expect(none.refusal(url)).toEqual(expect.stringContaining('webhooks go to'));
  });

  it.each([
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
    'https://oapi.dingtalk.com/robot/send?access_token=x',
    'http://93.184.216.34/hook',
    'http://172.32.0.1/', // just outside 172.16.0.0/12
    'http://[2001:db8::1]/',
  ])('accepts %s', (url) => {
    expect(none.refusal(url)).toBeUndefined();
  });

  it('accepts what an administrator allow-lists: a hostname, an address, a network', () => {
    const some = new WebhookTargets(['receiver.internal', '127.0.0.1', '10.20.0.0/16', '::1']);
    expect(some.refusal('http://receiver.internal:9000/hook')).toBeUndefined();
    expect(some.refusal('http://127.0.0.1:9000/hook')).toBeUndefined();
    expect(some.refusal('http://10.20.3.4/hook')).toBeUndefined();
    expect(some.refusal('http://[::1]/hook')).toBeUndefined();
    expect(some.refusal('http://10.21.0.1/hook')).toBeDefined();
    expect(some.refusal('http://127.0.0.2/hook')).toBeDefined();
  });

  it('refuses at connection time a name that resolves to an internal address', async () => {
    const resolve = (targets: WebhookTargets, name: string) =>
      new Promise<string>((done, fail) =>
        targets.lookup(name, {}, (error, address) => (error ? fail(error) : done(String(address)))),
      );
    // localhost comes from /etc/hosts: any name pointing at loopback is refused the same way.
    await expect(resolve(none, 'localhost')).rejects.toMatchObject({ code: 'WEBHOOK_ADDRESS_NOT_ALLOWED' });
    await expect(resolve(new WebhookTargets(['localhost']), 'localhost')).resolves.toMatch(/^(127\.|::1)/);
  });

  it.each([
    ['receiver.internal', true],
    ['10.0.0.0/8', true],
    ['fd00::/8', true],
    ['127.0.0.1', true],
    ['10.0.0.0/33', false],
    ['http://x', false],
    ['a b', false],
  ])('reads the allow-list entry %s as valid: %s', (entry, valid) => {
    expect(isAllowListEntry(entry)).toBe(valid);
  });
});
