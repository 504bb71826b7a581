import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = { project: 'wgp_', bank: 'wgb_' } as const;

/**
 * A new API key for a project or a bank: shown to its owner once, stored only as `hashApiKey(key)`. 256 random bits,
 * so a plain SHA-256 is enough to store it (no salt or slow hash needed: it cannot be guessed).
 */
export function generateApiKey(kind: keyof typeof PREFIX): string {
  return `${PREFIX[kind]}${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyKind(token: string): keyof typeof PREFIX | undefined {
  if (token.startsWith(PREFIX.project)) return 'project';
  if (token.startsWith(PREFIX.bank)) return 'bank';
  return undefined;
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
