import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';

/** The `banks` table: banks holding dedicated wage accounts (专户开户银行), each with the hash of its key. */
@Injectable()
export class BankRepository {
  constructor(private readonly dataSource: DataSource) {}

  async exists(code: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM "${SCHEMA}".banks WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async findCodeByKeyHash(keyHash: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT code FROM "${SCHEMA}".banks WHERE api_key_hash = $1`, [
      keyHash,
    ]);
    return row?.code;
  }

  /** False when the code is taken. */
  async insert(bank: { code: string; name: string; apiKeyHash: string }): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".banks (code, name, api_key_hash) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [bank.code, bank.name, bank.apiKeyHash],
    );
    return inserted.length > 0;
  }
}
