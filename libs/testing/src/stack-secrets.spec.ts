import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const STACK_SCRIPT = resolve(__dirname, '../../../scripts/stack.sh');

/** Runs stack.sh's dev_secrets on a secrets file and answers the variables it exported. */
function exportedSecrets(file: string, names: string[]): Record<string, string> {
  const state = mkdtempSync(join(tmpdir(), 'stack-secrets-'));
  try {
    writeFileSync(join(state, 'secrets.env'), file);
    const script = `source "$1"; STATE="$2"; dev_secrets; for n in ${names.join(' ')}; do printf '%s\\0%s\\0' "$n" "\${!n}"; done`;
    const env = { ...process.env };
    for (const name of names) delete env[name];
    const out = execFileSync('bash', ['-c', script, 'bash', STACK_SCRIPT, state], { env, encoding: 'utf8' });
    const parts = out.split('\0');
    const answer: Record<string, string> = {};
    for (let i = 0; i + 1 < parts.length; i += 2) answer[parts[i]] = parts[i + 1];
    expect(readFileSync(join(state, 'secrets.env'), 'utf8').startsWith(file)).toBe(true);
    return answer;
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

describe('scripts/stack.sh development secrets', () => {
  it('reads values intact: a trailing "=", an "=" inside, leading spaces', () => {
    // rand32() makes base64 of 32 bytes: 44 characters ending in "=" — the padding must survive.
    const secrets = exportedSecrets(
      'WEBHOOK_SIGNING_SECRET=q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=\nJWT_SECRET= a=b==\nADMIN_API_KEY=dev-admin-x\n',
      ['WEBHOOK_SIGNING_SECRET', 'JWT_SECRET', 'ADMIN_API_KEY'],
    );
    expect(secrets).toEqual({
      WEBHOOK_SIGNING_SECRET: 'q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=',
      JWT_SECRET: ' a=b==',
      ADMIN_API_KEY: 'dev-admin-x',
    });
  });

  it('adds the secrets a file lacks, each one read back as written', () => {
    const secrets = exportedSecrets('ADMIN_API_KEY=dev-admin-x\n', ['BLIND_INDEX_KEY', 'PII_ACTIVE_KEY_ID']);
    // base64 of 32 random bytes: 43 characters and one "=" of padding.
    expect(secrets.BLIND_INDEX_KEY).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(secrets.PII_ACTIVE_KEY_ID).toBe('k1');
  });
});
