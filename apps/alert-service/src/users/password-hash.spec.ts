import { DECOY_HASH, hashPassword, verifyPassword } from './password-hash';

describe('password hashes (scrypt)', () => {
  it('verifies the right password and rejects another, with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    await expect(verifyPassword('correct horse battery', first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', first)).resolves.toBe(false);
  });

  it.each([
    ['the decoy', DECOY_HASH],
    ['another scheme', 'bcrypt$10$abc'],
    ['garbage', 'not-a-hash'],
  ])('never accepts %s', async (_case, stored) => {
    await expect(verifyPassword('anything at all', stored)).resolves.toBe(false);
  });
});
