import { Module } from '@nestjs/common';
import { ProjectDirectory } from './project-directory';
import { ProjectsConsumer } from './projects.consumer';

@Module({ providers: [ProjectDirectory, ProjectsConsumer], exports: [ProjectDirectory] })
export class ProjectsModule {}
