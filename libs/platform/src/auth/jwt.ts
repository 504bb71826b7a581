import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { UserRole } from '@wage/contracts';
import { SYSTEM_CLOCK } from '../clock/clock';

/** A worker's session token (role WORKER) for the worker whose identity number has this blind index. */
export function signWorkerToken(idHash: string, secret: string, ttlSeconds: number, now?: Date): string {
  return signAccessToken({ sub: idHash, role: WORKER_ROLE }, secret, ttlSeconds, now);
}

/** The claims of a user's access token (HS256): who, which role, which region, until when. */
export const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  role: UserRole,
  region: z.string().regex(/^\d{6}(\d{3}){0,2}$/),
  iat: z.number().int(),
  exp: z.number().int(),
});

export type AccessClaims = z.infer<typeof accessClaimsSchema>;

/**
 * The role of a worker's session token (workers' own channel): not a user role — no user can have it and no endpoint
 * that admits users admits it. The subject is the blind index of the worker's identity number, never the number.
 */
export const WORKER_ROLE = 'WORKER';

export const workerClaimsSchema = z.object({
  sub: z.string().regex(/^[0-9a-f]{64}$/),
  role: z.literal(WORKER_ROLE),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type WorkerClaims = z.infer<typeof workerClaimsSchema>;

const claimsSchema = z.union([accessClaimsSchema, workerClaimsSchema]);

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function signAccessToken(
  claims: Omit<AccessClaims, 'iat' | 'exp'> | Omit<WorkerClaims, 'iat' | 'exp'>,
  secret: string,
  ttlSeconds: number,
  now: Date = SYSTEM_CLOCK.now(),
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds })).toString(
    'base64url',
  );
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret).toString('base64url')}`;
}

/**
 * The token's claims, or why it is not acceptable (bad signature, expired, malformed) at `now`, the system's time
 * unless given.
 */
export function verifyAccessToken(
  token: string,
  secret: string,
  now: Date = SYSTEM_CLOCK.now(),
): { ok: true; claims: AccessClaims | WorkerClaims } | { ok: false; reason: string } {
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
  const claims = claimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'malformed claims' };
  if (claims.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'token expired; log in again' };
  return { ok: true, claims: claims.data };
}
