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

export interface UserCredentials extends User {
  passwordHash: string;
}

const COLUMNS = `username, role, region_code AS "regionCode", display_name AS "displayName", email,
  webhook_url AS "webhookUrl", wecom_webhook AS "wecomWebhook", dingtalk_webhook AS "dingtalkWebhook"`;

@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(username: string, manager: EntityManager = this.dataSource.manager): Promise<User | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM "${SCHEMA}".users WHERE username = $1`, [
      username,
    ]);
    return row;
  }

  async findCredentials(username: string): Promise<UserCredentials | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM "${SCHEMA}".users WHERE username = $1`,
      [username],
    );
    return row;
  }

  /** Users of a role in any of these regions (the alert's region and those above it). */
  async inRegions(role: UserRole, regions: string[], manager: EntityManager = this.dataSource.manager) {
    const rows: User[] = await manager.query(
      `SELECT ${COLUMNS} FROM "${SCHEMA}".users WHERE role = $1 AND region_code = ANY($2::text[])
       ORDER BY username`,
      [role, regions],
    );
    return rows;
  }

  async findMany(usernames: string[], manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    return manager.query(`SELECT ${COLUMNS} FROM "${SCHEMA}".users WHERE username = ANY($1::text[])`, [
      usernames,
    ]);
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
