import { Module } from '@nestjs/common';
import { NamespacesController } from './namespaces.controller.js';
import { NamespacesRepository } from './namespaces.repository.js';
import { NamespacesResolver } from './namespaces.resolver.js';
import { NamespacesService } from './namespaces.service.js';

@Module({ providers: [NamespacesRepository, NamespacesService, NamespacesResolver], controllers: [NamespacesController] })
export class NamespacesModule {}
