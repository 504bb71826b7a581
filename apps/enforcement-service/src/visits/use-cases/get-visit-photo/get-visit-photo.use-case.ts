import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UseCaseError, type Principal } from '@wage/platform';
import { SCHEMA as S } from '../../../schema';
import { maySeeVisit } from '../../visit-access';
import { VisitRepository } from '../../visit.repository';

/** A visit's photo, for whoever may see the visit. */
@Injectable()
export class GetVisitPhotoUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visits: VisitRepository,
  ) {}

  async execute(principal: Principal, visitId: string, photoId: string) {
    const visit = await this.visits.find(visitId);
    if (!visit || !maySeeVisit(principal, visit))
      throw UseCaseError.notFound(`no visit ${visitId}, or not one you may see`);
    const [photo] = await this.dataSource.query(
      `SELECT name, content_type, content FROM "${S}".visit_photos WHERE id = $1 AND visit_id = $2`,
      [photoId, visitId],
    );
    if (!photo) throw UseCaseError.notFound(`visit ${visitId} has no photo ${photoId}`);
    return {
      name: photo.name as string,
      contentType: photo.content_type as string,
      content: photo.content as Buffer,
    };
  }
}
