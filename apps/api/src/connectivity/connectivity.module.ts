import { Module } from '@nestjs/common';
import { ConnectivityController } from './connectivity.controller.js';
import { ConnectivityResolver } from './connectivity.resolver.js';
import { ConnectivityService } from './connectivity.service.js';

/** NetworkPolicy reachability: the what-if analysis of manifests (no repository: it reads no database). */
@Module({ providers: [ConnectivityService, ConnectivityResolver], controllers: [ConnectivityController] })
export class ConnectivityModule {}
