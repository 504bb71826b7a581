import { signAccessToken, signWorkerToken, verifyAccessToken } from './jwt';

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

describe("workers' session tokens", () => {
  const idHash = 'a'.repeat(64);
  const token = signWorkerToken(idHash, secret, 1800, issued);

  it('carries the role WORKER and the blind index of the identity, for 30 minutes', () => {
    expect(verifyAccessToken(token, secret, new Date('2026-11-21T08:29:59Z'))).toEqual({
      ok: true,
      claims: {
        sub: idHash,
        role: 'WORKER',
        iat: issued.getTime() / 1000,
        exp: issued.getTime() / 1000 + 1800,
      },
    });
    expect(verifyAccessToken(token, secret, new Date('2026-11-21T08:30:00Z'))).toMatchObject({ ok: false });
  });

  it('is never a user token: a WORKER role drops any region, a worker without an identity hash or a user role without a region is malformed', () => {
    const forged = (claims: object) =>
      signAccessToken(claims as Parameters<typeof signAccessToken>[0], secret, 900, issued);
    expect(
      verifyAccessToken(forged({ sub: idHash, role: 'WORKER', region: '350206' }), secret, issued),
    ).toEqual({ ok: true, claims: expect.not.objectContaining({ region: expect.anything() }) });
    expect(verifyAccessToken(forged({ sub: 'someone', role: 'WORKER' }), secret, issued)).toMatchObject({
      ok: false,
      reason: 'malformed claims',
    });
    expect(verifyAccessToken(forged({ sub: idHash, role: 'INSPECTOR' }), secret, issued)).toMatchObject({
      ok: false,
      reason: 'malformed claims',
    });
  });
});
