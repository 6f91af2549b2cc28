import { Module } from '@nestjs/common';
import { SystemController } from './system.controller.js';
import { SystemResolver } from './system.resolver.js';
import { SystemService } from './system.service.js';

@Module({ providers: [SystemService, SystemResolver], controllers: [SystemController] })
export class SystemModule {}
