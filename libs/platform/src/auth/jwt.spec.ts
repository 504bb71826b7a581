import { signAccessToken, verifyAccessToken } from './jwt';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const claims = { sub: 'inspector.li', role: 'INSPECTOR' as const, region: '350206' };
const issued = new Date('2026-11-21T08:00:00Z');

describe('access tokens', () => {
  const token = signAccessToken(claims, secret, 900, issued);

  it.each([
    ['a valid token', token, secret, new Date('2026-11-21T08:14:59Z'), { ok: true }],
    [
      'an expired token',
      token,
      secret,
      new Date('2026-11-21T08:15:00Z'),
      { ok: false, reason: 'token expired; log in again' },
    ],
    ['another secret', token, `${secret}!`, issued, { ok: false, reason: 'bad signature' }],
    [
      'a changed payload',
      token.replace(
        /\.[^.]+\./,
        `.${Buffer.from(JSON.stringify({ ...claims, region: '000000', iat: 0, exp: 9e9 })).toString('base64url')}.`,
      ),
      secret,
      issued,
      { ok: false, reason: 'bad signature' },
    ],
    ['not a token', 'abc', secret, issued, { ok: false, reason: 'malformed token' }],
  ])('%s', (_case, given, key, now, expected) => {
    expect(verifyAccessToken(given, key, now)).toMatchObject(expected);
  });

  it('carries who, role and region', () => {
    const result = verifyAccessToken(token, secret, issued);
    expect(result.ok && result.claims).toMatchObject({
      sub: 'inspector.li',
      role: 'INSPECTOR',
      region: '350206',
    });
  });
});
