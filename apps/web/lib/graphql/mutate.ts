'use client';

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback } from 'react';
import { useClient } from 'urql';
import { type ApiProblem, problemOfUrql } from './errors';

export type MutationResult<R> = { ok: true; data: R } | { ok: false; problem: ApiProblem };

/**
 * Runs a typed mutation through the page's client (same origin, session cookie, CSRF
 * header). A refusal comes back as a problem with its code and field details, for the
 * form to show next to the fields it names.
 */
export function useMutate() {
  const client = useClient();
  return useCallback(
    async <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<MutationResult<R>> => {
      const r = await client.mutation(document, variables).toPromise();
      if (r.error) return { ok: false, problem: problemOfUrql(r.error) };
      if (!r.data) return { ok: false, problem: { code: 'UNKNOWN', message: 'the API answered without data' } };
      return { ok: true, data: r.data };
    },
    [client],
  );
}

/** One key per form submission: a double click or a retry of the same submission is answered once (the API's idempotency keys). */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; a dashboard served over plain http elsewhere than localhost has getRandomValues.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
