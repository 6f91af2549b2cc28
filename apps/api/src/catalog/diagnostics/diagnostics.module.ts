import { Module } from '@nestjs/common';
import { DiagnosticsService } from './diagnostics.service.js';

@Module({ providers: [DiagnosticsService], exports: [DiagnosticsService] })
export class DiagnosticsModule {}
