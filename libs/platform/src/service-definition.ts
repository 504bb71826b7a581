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
}
