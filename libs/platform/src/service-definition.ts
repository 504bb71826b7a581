import type { AuthSettings } from './auth/auth.guard';
import type { DatabaseSettings } from './database/data-source';

/** What one service is and which infrastructure it uses; the platform module wires exactly that. */
export interface ServiceDefinition {
  name: string;
  port: number;
  logLevel: string;
  database?: DatabaseSettings;
  redisUrl?: string;
  kafka?: { brokers: string[]; topicPrefix: string };
  /** Run the outbox relay (needs database and kafka). */
  outbox?: boolean;
  /** Protect the HTTP API: every endpoint needs a bearer token unless marked @Public(). */
  auth?: AuthSettings;
  /** Encrypt identity and card numbers and keep their blind index. */
  personalData?: { encryptionKeys: string; activeKeyId: string; blindIndexKey: string };
}
