import { Module } from '@nestjs/common';
import { NamespacesController } from './namespaces.controller.js';
import { NamespacesRepository } from './namespaces.repository.js';
import { NamespacesResolver } from './namespaces.resolver.js';
import { NamespacesService } from './namespaces.service.js';
import { PodLabelsController } from './pod-labels.controller.js';
import { PodLabelsRepository } from './pod-labels.repository.js';
import { PodLabelsResolver } from './pod-labels.resolver.js';
import { PodLabelsService } from './pod-labels.service.js';

@Module({
  providers: [NamespacesRepository, NamespacesService, NamespacesResolver, PodLabelsRepository, PodLabelsService, PodLabelsResolver],
  controllers: [NamespacesController, PodLabelsController],
})
export class NamespacesModule {}
