import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '@wage/platform';

/** The roll as the workers' channel reads it: by the blind index of the identity number, across projects. */
@Injectable()
export class WorkerRollRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Whether some roll entry of this identity has this phone number (phones are held only encrypted). */
  async hasPhone(idHash: string, phone: string): Promise<boolean> {
    const rows: { phone_encrypted: string }[] = await this.dataSource.query(
      `SELECT phone_encrypted FROM roster.workers WHERE id_hash = $1 AND phone_encrypted IS NOT NULL`,
      [idHash],
    );
    return rows.some((row) => this.cipher.decrypt(row.phone_encrypted).replace(/\D/g, '') === phone);
  }
}
