import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/cursor.js';

/** OpenAPI descriptions of the REST query parameters, typed as the controllers read them (query-params.ts). */

/** `limit` (1–100) and `cursor` of a keyset page. */
export const ApiPageQueries = () =>
  applyDecorators(
    ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }, description: 'Items per page' }),
    ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' }, description: 'nextCursor of the previous page' }),
  );

/** A filter that takes several values: repeated (`?cluster=a&cluster=b`) or comma-separated (`?cluster=a,b`). */
export const ApiListQuery = (name: string, description: string, values?: readonly string[]) =>
  ApiQuery({ name, required: false, description: `${description}; repeat or comma-separate for several`, schema: { type: 'array', items: values ? { type: 'string', enum: [...values] } : { type: 'string' } }, style: 'form', explode: true });

/** `true`/`false` (also `1`/`0`). */
export const ApiFlagQuery = (name: string, description: string) => ApiQuery({ name, required: false, schema: { type: 'boolean' }, description });

export const ApiTextQuery = (name: string, description: string, values?: readonly string[]) => ApiQuery({ name, required: false, schema: values ? { type: 'string', enum: [...values] } : { type: 'string' }, description });
