import { Module } from '@nestjs/common';
import { ServicesModule } from '../services/services.module.js';
import { TopologyController } from './topology.controller.js';
import { TopologyRepository } from './topology.repository.js';
import { TopologyResolver } from './topology.resolver.js';
import { TopologyService } from './topology.service.js';

@Module({ imports: [ServicesModule], providers: [TopologyRepository, TopologyService, TopologyResolver], controllers: [TopologyController] })
export class TopologyModule {}
