import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { createRootLogger } from './root-logger.js';

/** The process's pino logger, for the request logging installed in createApp. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Nest's Logger (every `new Logger(context)` in the code) writes through pino. Requests
 * are logged by createApp's own pino-http (before the auth gate); nestjs-pino binds
 * that request's logger (useExisting), so lines written while serving it carry its id.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const root: Logger = createRootLogger(config);
    return {
      module: LoggingModule,
      global: true,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: root }, useExisting: true })],
      providers: [{ provide: ROOT_LOGGER, useValue: root }],
      exports: [ROOT_LOGGER, LoggerModule],
    };
  }
}
