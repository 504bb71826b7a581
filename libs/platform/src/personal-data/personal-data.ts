import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** AES-GCM's standard nonce size. */
const IV_BYTES = 12;

/**
 * Identity and card numbers at rest: AES-256-GCM (authenticated: a tampered value fails to decrypt), with the id of
 * the key in each value so keys can be rotated — new values use the active key, old ones still decrypt.
 * Stored as text: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class PersonalDataCipher {
  private readonly keys: Map<string, Buffer>;
  /**
   * Random bytes for IVs, drawn 1,024 IVs at a time (a roll of thousands seals thousands of values): each IV is its
   * own 12 bytes of the pool, never reused; an exhausted pool is replaced, not refilled.
   */
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(
    keys: Record<string, Buffer>,
    private readonly activeKeyId: string,
  ) {
    this.keys = new Map(Object.entries(keys));
    for (const [id, key] of this.keys) {
      if (key.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes`);
      if (!/^[A-Za-z0-9_-]+$/.test(id))
        throw new Error(`encryption key id "${id}" may use letters, digits, - and _`);
    }
    if (!this.keys.has(activeKeyId))
      throw new Error(`the active encryption key "${activeKeyId}" is not among the keys`);
  }

  /** Parses `PII_ENCRYPTION_KEYS` (`id:base64,id2:base64`). */
  static fromEnv(keysSpec: string, activeKeyId: string): PersonalDataCipher {
    const keys: Record<string, Buffer> = {};
    for (const entry of keysSpec
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      const [id, material] = entry.split(':');
      if (!id || !material)
        throw new Error('PII_ENCRYPTION_KEYS must look like "id:base64key,id2:base64key"');
      keys[id] = Buffer.from(material, 'base64');
    }
    return new PersonalDataCipher(keys, activeKeyId);
  }

  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_BYTES * 1_024);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return ['v1', this.activeKeyId, ...parts].join('.');
  }

  decrypt(stored: string): string {
    const [version, keyId, iv, tag, ciphertext] = stored.split('.');
    const key = this.keys.get(keyId);
    if (version !== 'v1' || !key || ciphertext === undefined)
      throw new Error(`cannot decrypt: unknown format or key "${keyId}"`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** The kinds of number a blind index is kept for; each is cleaned the same way wherever it is hashed. */
export type BlindIndexKind = 'id' | 'card' | 'phone';

/** Identity numbers upper-case (the check character X), card, account and phone numbers digits only. */
export function normalizeForIndex(kind: BlindIndexKind, value: string): string {
  return kind === 'id' ? value.trim().toUpperCase() : value.replace(/\D/g, '');
}

/**
 * A keyed hash (HMAC-SHA256, lowercase hex) that lets services match a number — a worker's card on the roster, the
 * counterparty of a payroll payment — without holding it in clear. Every service that hashes the same kind of number
 * uses the same key (`BLIND_INDEX_KEY`), or the hashes would not match.
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('the blind index key must be at least 32 bytes');
  }

  hash(kind: BlindIndexKind, value: string): string {
    return createHmac('sha256', this.key)
      .update(`${kind}:${normalizeForIndex(kind, value)}`)
      .digest('hex');
  }
}

/**
 * A cipher and blind index for one batch that encrypt and hash each distinct number once: a batch of transactions
 * pays the same card many times, a team on a roll may share a phone. Equal numbers get the same ciphertext within
 * the batch, which tells no more than their blind index already does. Made per batch, never kept.
 */
export function sealingOncePerValue(
  cipher: Pick<PersonalDataCipher, 'encrypt'>,
  blindIndex: Pick<BlindIndex, 'hash'>,
): { cipher: Pick<PersonalDataCipher, 'encrypt'>; blindIndex: Pick<BlindIndex, 'hash'> } {
  const encrypted = new Map<string, string>();
  const hashed = new Map<string, string>();
  const remembered = (cache: Map<string, string>, key: string, make: () => string) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make();
      cache.set(key, value);
    }
    return value;
  };
  return {
    cipher: { encrypt: (plain) => remembered(encrypted, plain, () => cipher.encrypt(plain)) },
    blindIndex: {
      hash: (kind, value) => remembered(hashed, `${kind}:${value}`, () => blindIndex.hash(kind, value)),
    },
  };
}
