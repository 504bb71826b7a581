import { Module } from '@nestjs/common';
import { KnownProjectsModule } from '@wage/platform';
import { SCHEMA } from '../schema';
import { ProjectRepository } from './project.repository';

/** The one place that learns projects from their events; other modules import this one. */
@Module({
  imports: [KnownProjectsModule.forRoot({ schema: SCHEMA, consumerName: 'wage-account-service.projects' })],
  providers: [ProjectRepository],
  exports: [ProjectRepository],
})
export class ProjectsModule {}
