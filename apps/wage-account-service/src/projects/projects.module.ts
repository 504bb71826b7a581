import { Module } from '@nestjs/common';
import { KnownProjectsModule } from '@wage/platform';
import { SCHEMA } from '../schema';
import { ProjectDirectory } from './project-directory';

/** The one place that learns projects from their events; other modules import this one. */
@Module({
  imports: [KnownProjectsModule.forRoot({ schema: SCHEMA, consumerName: 'wage-account-service.projects' })],
  providers: [ProjectDirectory],
  exports: [ProjectDirectory],
})
export class ProjectsModule {}
