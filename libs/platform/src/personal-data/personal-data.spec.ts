import { randomBytes } from 'node:crypto';
import { BlindIndex, PersonalDataCipher } from './personal-data';

const key = () => randomBytes(32);

describe('PersonalDataCipher', () => {
  it('round-trips and never stores the clear value', () => {
    const cipher = new PersonalDataCipher({ k1: key() }, 'k1');
    const stored = cipher.encrypt('11010519491231002X');
    expect(stored).not.toContain('11010519491231002X');
    expect(stored.startsWith('v1.k1.')).toBe(true);
    expect(cipher.decrypt(stored)).toBe('11010519491231002X');
    expect(cipher.encrypt('11010519491231002X')).not.toBe(stored); // a fresh IV every time
  });

  it('gives every value its own IV, across the pools of random bytes it draws them from', () => {
    const cipher = new PersonalDataCipher({ k1: key() }, 'k1');
    const sealed = Array.from({ length: 2_500 }, () => cipher.encrypt('6222021234567890123'));
    const ivs = sealed.map((value) => value.split('.')[2]);
    expect(new Set(ivs).size).toBe(2_500);
    expect(sealed.every((value) => cipher.decrypt(value) === '6222021234567890123')).toBe(true);
  });

  it('decrypts values written under an older key after rotation', () => {
    const [k1, k2] = [key(), key()];
    const old = new PersonalDataCipher({ k1 }, 'k1').encrypt('6222021234567890123');
    const rotated = new PersonalDataCipher({ k1, k2 }, 'k2');
    expect(rotated.decrypt(old)).toBe('6222021234567890123');
    expect(rotated.encrypt('x').split('.')[1]).toBe('k2');
  });

  it('refuses a tampered value', () => {
    const cipher = new PersonalDataCipher({ k1: key() }, 'k1');
    const parts = cipher.encrypt('11010519491231002X').split('.');
    parts[4] = Buffer.from('00000000000000000X').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('parses keys from the environment format and checks them', () => {
    const spec = `k1:${key().toString('base64')},k2:${key().toString('base64')}`;
    expect(PersonalDataCipher.fromEnv(spec, 'k2').encrypt('a')).toMatch(/^v1\.k2\./);
    expect(() => PersonalDataCipher.fromEnv(spec, 'k3')).toThrow('active encryption key "k3"');
    expect(() => PersonalDataCipher.fromEnv(`k1:${randomBytes(16).toString('base64')}`, 'k1')).toThrow(
      '32 bytes',
    );
  });
});

describe('BlindIndex', () => {
  const index = new BlindIndex(key());

  it.each([
    ['id', '11010519491231002x', '11010519491231002X'], // the check character in either case
    ['card', '6222 0212 3456 7890 123', '6222021234567890123'], // spaces in a card number
  ] as const)('hashes the same %s however it is written', (kind, a, b) => {
    expect(index.hash(kind, a)).toBe(index.hash(kind, b));
    expect(index.hash(kind, a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps kinds apart and depends on the key', () => {
    expect(index.hash('id', '123')).not.toBe(index.hash('card', '123'));
    expect(new BlindIndex(key()).hash('card', '6222021234567890123')).not.toBe(
      index.hash('card', '6222021234567890123'),
    );
  });
});
