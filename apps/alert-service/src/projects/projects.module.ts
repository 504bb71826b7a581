import { Module } from '@nestjs/common';
import { KnownProjectsModule } from '@wage/platform';
import { SCHEMA } from '../schema';

/**
 * Learns projects from their events, so that a project key works here without asking roster-service, with the
 * contractor's credit code an alert names as its employer.
 */
@Module({
  imports: [
    KnownProjectsModule.forRoot({
      schema: SCHEMA,
      consumerName: 'alert-service.projects',
      keepContractorCreditCode: true,
    }),
  ],
  exports: [KnownProjectsModule],
})
export class ProjectsModule {}
