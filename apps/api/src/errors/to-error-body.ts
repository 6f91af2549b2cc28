import { HttpException } from '@nestjs/common';
import { DatabaseUnavailableError } from '../database/database-errors.js';
import { DomainError } from './domain-error.js';
import { ERROR_HTTP_STATUS, type ErrorCode, type FieldIssue } from './error-codes.js';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: FieldIssue[];
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_REQUEST',
  415: 'BAD_REQUEST',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

/**
 * The single translation from anything thrown to what a client sees. Unknown
 * errors are masked: no stack, SQL or host names leave the process.
 */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody; unexpected: boolean; retryAfterSeconds?: number } {
  if (err instanceof DomainError) {
    return { status: ERROR_HTTP_STATUS[err.code], body: { code: err.code, message: err.message, details: [...err.details] }, unexpected: false, retryAfterSeconds: err.retryAfterSeconds };
  }
  if (err instanceof DatabaseUnavailableError) {
    return { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: 'The catalog database is not available yet', details: [] }, unexpected: false };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    const response = err.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response && typeof response.message === 'string'
        ? response.message
        : err.message;
    return { status, body: { code, message: status >= 500 ? 'Internal error' : message, details: [] }, unexpected: status >= 500 };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Internal error', details: [] }, unexpected: true };
}
