import { randomBytes } from 'node:crypto';

/** Secrets for services under test: fresh for each test file, the same for every service in it. */
export function testSecrets() {
  return {
    ADMIN_API_KEY: `test-admin-${randomBytes(18).toString('base64url')}`,
    JWT_SECRET: randomBytes(32).toString('base64'),
    PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'k1',
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'),
    METRICS_TOKEN: `test-metrics-${randomBytes(18).toString('base64url')}`,
    SMS_API_SECRET: `test-sms-${randomBytes(18).toString('base64url')}`,
  };
}
