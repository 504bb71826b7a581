import { startSmsCatcher, type SmsCatcher } from '@wage/testing';
import { HttpSmsSender, SmsDeliveryError } from './sms';

const secret = 'a-shared-secret-of-the-sms-provider';

describe('SMS through a provider’s HTTP API (the local SMS catcher)', () => {
  let catcher: SmsCatcher;

  beforeAll(async () => {
    catcher = await startSmsCatcher(secret);
  });
  afterAll(() => catcher.stop());

  const sender = (overrides: { secret?: string; url?: string } = {}) =>
    new HttpSmsSender({
      url: overrides.url ?? catcher.providerUrl,
      keyId: 'key-1',
      secret: overrides.secret ?? secret,
      signName: '工资保障',
    });

  it('delivers a signed message, which the catcher lists for its number', async () => {
    await sender().send({ to: '13800000001', text: '您的验证码是 123456，5分钟内有效。' });
    expect(await catcher.messages('13800000001')).toEqual([
      expect.objectContaining({
        to: '13800000001',
        keyId: 'key-1',
        text: '【工资保障】您的验证码是 123456，5分钟内有效。',
      }),
    ]);
    const page = await (await fetch(catcher.origin)).text();
    expect(page).toContain('13800000001');
  });

  it('fails on a request the provider refuses, without the text in the error', async () => {
    const attempt = sender({ secret: 'not-the-secret-the-provider-has' }).send({
      to: '13800000002',
      text: '您的验证码是 654321',
    });
    await expect(attempt).rejects.toThrow(SmsDeliveryError);
    await expect(attempt).rejects.toMatchObject({ status: 401 });
    await attempt.catch((error: Error) => {
      expect(error.message).not.toContain('654321');
      expect(error.message).toContain('138****0002');
    });
    expect(await catcher.messages('13800000002')).toEqual([]);
  });

  it('fails when the provider cannot be reached', async () => {
    await expect(
      sender({ url: 'http://127.0.0.1:9/messages' }).send({ to: '13800000003', text: 'x' }),
    ).rejects.toMatchObject({ name: 'SmsDeliveryError', status: null });
  });
});
