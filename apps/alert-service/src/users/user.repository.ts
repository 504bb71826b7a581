import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserRole } from '@wage/contracts';
import { SCHEMA } from '../schema';

/** A person who receives alerts, with the channels they can be reached on. */
export interface User {
  username: string;
  role: UserRole;
  regionCode: string;
  displayName: string;
  email: string | null;
  webhookUrl: string | null;
  wecomWebhook: string | null;
  dingtalkWebhook: string | null;
}

/** A user as the administrator lists them: without channels' secrets beyond whether each is set. */
export interface UserListing {
  username: string;
  role: UserRole;
  regionCode: string;
  displayName: string;
  email: string | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface UserChange {
  at: Date;
  actor: string;
  /** The fields changed with their new values; `password: 'RESET'` for a reset, never the password. */
  changes: Record<string, unknown>;
}

export interface UserCredentials extends User {
  passwordHash: string;
}

/** A user's columns as `User`, for a read that joins the recipient of something (a notification). */
export const USER_COLUMNS = `username, role, region_code AS "regionCode", display_name AS "displayName", email,
  webhook_url AS "webhookUrl", wecom_webhook AS "wecomWebhook", dingtalk_webhook AS "dingtalkWebhook"`;

const LISTING = `username, role, region_code AS "regionCode", display_name AS "displayName", email,
  disabled_at AS "disabledAt", created_at AS "createdAt"`;

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(username: string, manager: EntityManager = this.dataSource.manager): Promise<User | undefined> {
    const [row] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM "${SCHEMA}".users WHERE username = $1 AND disabled_at IS NULL`,
      [username],
    );
    return row;
  }

  async findCredentials(username: string): Promise<UserCredentials | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM "${SCHEMA}".users
       WHERE username = $1 AND disabled_at IS NULL`,
      [username],
    );
    return row;
  }

  /** Users of a role in any of these regions (the alert's region and those above it). */
  async inRegions(role: UserRole, regions: string[], manager: EntityManager = this.dataSource.manager) {
    const rows: User[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM "${SCHEMA}".users
       WHERE role = $1 AND region_code = ANY($2::text[]) AND disabled_at IS NULL
       ORDER BY username`,
      [role, regions],
    );
    return rows;
  }

  async findMany(usernames: string[], manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    return manager.query(
      `SELECT ${USER_COLUMNS} FROM "${SCHEMA}".users WHERE username = ANY($1::text[]) AND disabled_at IS NULL`,
      [usernames],
    );
  }

  /** Every user, disabled ones included, filtered and paged, for the administrator. */
  async list(
    filters: { role?: UserRole; regionCode?: string; disabled?: boolean },
    page: number,
    pageSize: number,
  ): Promise<{ items: UserListing[]; total: number }> {
    const conditions: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (filters.role) {
      params.push(filters.role);
      conditions.push(`role = $${params.length}`);
    }
    if (filters.regionCode) {
      params.push(filters.regionCode);
      conditions.push(`region_code = $${params.length}`);
    }
    if (filters.disabled !== undefined)
      conditions.push(`disabled_at IS ${filters.disabled ? 'NOT ' : ''}NULL`);
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${SCHEMA}".users WHERE ${where}`,
      params,
    );
    const items: UserListing[] = await this.dataSource.query(
      `SELECT ${LISTING} FROM "${SCHEMA}".users WHERE ${where}
       ORDER BY region_code, role, username LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items, total };
  }

  /** The user, disabled or not, locked for an administrator's change. */
  async lockListing(manager: EntityManager, username: string): Promise<UserListing | undefined> {
    const [row] = await manager.query(
      `SELECT ${LISTING} FROM "${SCHEMA}".users WHERE username = $1 FOR UPDATE`,
      [username],
    );
    return row;
  }

  async update(
    manager: EntityManager,
    username: string,
    fields: {
      role?: UserRole;
      regionCode?: string;
      displayName?: string;
      passwordHash?: string;
      disabledAt?: Date | null;
    },
  ): Promise<void> {
    const columns: Record<string, string> = {
      role: 'role',
      regionCode: 'region_code',
      displayName: 'display_name',
      passwordHash: 'password_hash',
      disabledAt: 'disabled_at',
    };
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    await manager.query(
      `UPDATE "${SCHEMA}".users SET ${entries.map(([key], i) => `${columns[key]} = $${i + 2}`).join(', ')}
       WHERE username = $1`,
      [username, ...entries.map(([, value]) => value)],
    );
  }

  async recordChange(manager: EntityManager, username: string, change: UserChange): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".user_changes (username, at, actor, changes) VALUES ($1, $2, $3, $4)`,
      [username, change.at, change.actor, JSON.stringify(change.changes)],
    );
  }

  async changes(username: string): Promise<UserChange[]> {
    return this.dataSource.query(
      `SELECT at, actor, changes FROM "${SCHEMA}".user_changes WHERE username = $1 ORDER BY id`,
      [username],
    );
  }

  /** Inserts the user unless the username is taken; true when inserted. */
  async insert(user: User & { passwordHash: string }): Promise<boolean> {
    const inserted = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".users (username, password_hash, role, region_code, display_name, email, webhook_url,
         wecom_webhook, dingtalk_webhook)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username) DO NOTHING RETURNING username`,
      [
        user.username,
        user.passwordHash,
        user.role,
        user.regionCode,
        user.displayName,
        user.email,
        user.webhookUrl,
        user.wecomWebhook,
        user.dingtalkWebhook,
      ],
    );
    return inserted.length > 0;
  }
}
