import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UseCaseError, Clock, type Principal } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_VISIT, sanitisePhotoName, sniffPhotoType } from '../../photo-file';
import { maySeeVisit } from '../../visit-access';
import { VisitRepository } from '../../visit.repository';

export interface UploadedPhoto {
  originalname?: string;
  mimetype?: string;
  size: number;
  buffer: Buffer;
}

/**
 * Adds a photo to a visit: only its recorder, JPEG, PNG or WebP as its first bytes say (the declared type must
 * agree), at most 5 MiB and 6 photos a visit. Kept in PostgreSQL, so any replica serves it.
 */
@Injectable()
export class AddVisitPhotoUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly visits: VisitRepository,
  ) {}

  async execute(principal: Principal, visitId: string, file: UploadedPhoto) {
    const visit = await this.visits.find(visitId);
    if (!visit || !maySeeVisit(principal, visit))
      throw UseCaseError.notFound(`no visit ${visitId}, or not one you may see`);
    if (principal.kind !== 'user' || principal.username !== visit.recorded_by)
      throw UseCaseError.forbidden(
        `only ${visit.recorded_by}, who recorded visit ${visitId}, may add its photos`,
      );
    if (file.size > MAX_PHOTO_BYTES || file.buffer.length > MAX_PHOTO_BYTES)
      throw new UseCaseError(
        'TOO_LARGE',
        'PAYLOAD_TOO_LARGE',
        `a photo may be at most ${MAX_PHOTO_BYTES} bytes (5 MiB)`,
      );
    const type = sniffPhotoType(file.buffer);
    if (type === null)
      throw new UseCaseError(
        'UNSUPPORTED_TYPE',
        'UNSUPPORTED_MEDIA_TYPE',
        'the file is not a JPEG, PNG or WebP picture (judged by its content, not its name); send a photo',
      );
    if (file.mimetype !== type)
      throw new UseCaseError(
        'UNSUPPORTED_TYPE',
        'UNSUPPORTED_MEDIA_TYPE',
        `the file is declared ${file.mimetype ?? 'without a type'} but its content is ${type}; send it as ${type}`,
      );
    const name = sanitisePhotoName(file.originalname, type);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      // Locked so that two uploads at once cannot make a seventh photo.
      await manager.query(`SELECT 1 FROM "${S}".visits WHERE id = $1 FOR UPDATE`, [visitId]);
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM "${S}".visit_photos WHERE visit_id = $1`,
        [visitId],
      );
      if (count >= MAX_PHOTOS_PER_VISIT)
        throw UseCaseError.conflict(
          'TOO_MANY_PHOTOS',
          `visit ${visitId} already has ${count} photos, the most a visit may have`,
        );
      await manager.query(
        `INSERT INTO "${S}".visit_photos (id, visit_id, name, content_type, size, content, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, visitId, name, type, file.buffer.length, file.buffer, this.clock.now()],
      );
    });
    return { id, name, contentType: type, size: file.buffer.length };
  }
}
