import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { toErrorBody } from './to-error-body.js';

/** REST: `{ error: { code, message, details } }` with the status; GraphQL: the same in extensions. */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const { status, body, unexpected, retryAfterSeconds } = toErrorBody(exception);
    if (unexpected) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(body.message, { extensions: { code: body.code, details: body.details, status, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } });
    }
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return undefined;
    if (retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="switchboard"');
    return res.status(status).json({ error: body });
  }
}
