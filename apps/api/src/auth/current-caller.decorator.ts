import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../errors/domain-error.js';
import type { Caller } from './caller.js';

/** The request's caller, set by the authentication middleware (HTTP) or the graphql-ws handshake. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller =
    ctx.getType<string>() === 'graphql'
      ? (GqlExecutionContext.create(ctx).getContext<{ caller?: Caller; req?: { caller?: Caller } }>().caller ?? GqlExecutionContext.create(ctx).getContext<{ req?: { caller?: Caller } }>().req?.caller)
      : ctx.switchToHttp().getRequest<{ caller?: Caller }>().caller;
  // The middleware refuses anonymous requests before any handler runs; this is the backstop.
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'authentication required: send "Authorization: Bearer <token>" or sign in');
  return caller;
});
