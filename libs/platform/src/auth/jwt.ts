import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { UserRole } from '@wage/contracts';

/** The claims of a user's access token (HS256): who, which role, which region, until when. */
export const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  role: UserRole,
  region: z.string().regex(/^\d{6}$/),
  iat: z.number().int(),
  exp: z.number().int(),
});

export type AccessClaims = z.infer<typeof accessClaimsSchema>;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function signAccessToken(
  claims: Omit<AccessClaims, 'iat' | 'exp'>,
  secret: string,
  ttlSeconds: number,
  now: Date = new Date(),
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds })).toString(
    'base64url',
  );
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret).toString('base64url')}`;
}

/** The token's claims, or why it is not acceptable (bad signature, expired, malformed). */
export function verifyAccessToken(
  token: string,
  secret: string,
  now: Date = new Date(),
): { ok: true; claims: AccessClaims } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed token' };
  const [header, payload, signature] = parts;
  if (header !== HEADER) return { ok: false, reason: 'unsupported token algorithm' };
  const expected = sign(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed token' };
  }
  const claims = accessClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'malformed claims' };
  if (claims.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'token expired; log in again' };
  return { ok: true, claims: claims.data };
}
