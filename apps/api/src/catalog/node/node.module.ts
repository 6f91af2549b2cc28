import { Module } from '@nestjs/common';
import { IngressesModule } from '../ingresses/ingresses.module.js';
import { ServicesModule } from '../services/services.module.js';
import { NodeResolver } from './node.resolver.js';

@Module({ imports: [ServicesModule, IngressesModule], providers: [NodeResolver] })
export class NodeModule {}
