import { z } from 'zod';
import { ConfigError, envSchemas, loadEnv } from './env';

const schema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend({ PORT: envSchemas.port });

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/wage',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  PORT: '3001',
};

describe('loadEnv', () => {
  it('parses and coerces a valid environment, applying defaults', () => {
    const env = loadEnv(schema, valid);
    expect(env).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: valid.DATABASE_URL,
      DATABASE_POOL_SIZE: 10,
      HOST: '127.0.0.1',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
      KAFKA_TOPIC_PREFIX: '',
      PORT: 3001,
    });
  });

  it.each([
    ['a missing variable', { ...valid, DATABASE_URL: undefined }, 'DATABASE_URL is required'],
    [
      'a URL of the wrong kind',
      { ...valid, DATABASE_URL: 'mysql://x' },
      'DATABASE_URL: must be a URL starting with postgres:',
    ],
    ['a port out of range', { ...valid, PORT: '70000' }, 'PORT:'],
    [
      'a broker without a port',
      { ...valid, KAFKA_BROKERS: 'kafka' },
      'KAFKA_BROKERS.0: each broker must be host:port',
    ],
    ['an unknown log level', { ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
  ])('refuses %s and names the variable', (_case, env, expected) => {
    expect(() => loadEnv(schema, env)).toThrow(ConfigError);
    expect(() => loadEnv(schema, env)).toThrow(expected);
  });

  it('lists every problem at once', () => {
    try {
      loadEnv(schema, {});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringContaining('DATABASE_URL is required'),
        expect.stringContaining('KAFKA_BROKERS is required'),
        expect.stringContaining('PORT is required'),
      ]);
    }
  });

  it('checks the secret key length', () => {
    const keySchema = z.object({ DATA_KEY: envSchemas.secretKey });
    expect(() => loadEnv(keySchema, { DATA_KEY: Buffer.alloc(16).toString('base64') })).toThrow('32 bytes');
    expect(loadEnv(keySchema, { DATA_KEY: Buffer.alloc(32).toString('base64') }).DATA_KEY).toHaveLength(44);
  });

  describe('in production', () => {
    const strong = 'q2Vd8nXh3LkPz0aYt7RwB1cFmE5uJ9sG4oHiN6vQ';
    it.each([
      ['a key of npm run stack:up', { ADMIN_API_KEY: 'dev-admin-abcdefghijklmnopqrstuvwx' }, 'ADMIN_API_KEY'],
      ['a key of the tests', { ADMIN_API_KEY: 'test-admin-abcdefghijklmnopqrstuvwx' }, 'ADMIN_API_KEY'],
      ['an example value', { JWT_SECRET: 'change-me-change-me-change-me-change-me' }, 'JWT_SECRET'],
      ['a placeholder password', { BOOTSTRAP_ADMIN_PASSWORD: 'password' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
    ])('refuses to start with %s', (_, secrets, name) => {
      expect(() => loadEnv(schema, { ...valid, NODE_ENV: 'production', ...secrets })).toThrow(
        new RegExp(`${name}: is a development, test or example value, refused in production`),
      );
    });

    it('starts with generated secrets, and a development key is fine outside production', () => {
      expect(() =>
        loadEnv(schema, { ...valid, NODE_ENV: 'production', ADMIN_API_KEY: strong, JWT_SECRET: strong }),
      ).not.toThrow();
      expect(() =>
        loadEnv(schema, { ...valid, ADMIN_API_KEY: 'dev-admin-abcdefghijklmnopqrstuvwx' }),
      ).not.toThrow();
    });
  });
});
