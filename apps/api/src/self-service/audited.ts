import type { MutationOutcome } from './mutation-outcome.js';
import type { ObjectRef } from './refs.js';
import type { Caller } from '../auth/caller.js';

export interface MutationOptionsLike {
  dryRun?: boolean | null;
  caller?: Caller;
}

/** Implemented by the service whose mutations are audited. */
export interface AuditsMutations {
  audited(action: string, ref: Partial<ObjectRef>, opts: MutationOptionsLike, run: () => Promise<MutationOutcome>): Promise<MutationOutcome>;
}

const nameOf = (input: unknown): string | undefined =>
  input && typeof input === 'object' && typeof (input as { name?: unknown }).name === 'string' ? (input as { name: string }).name : undefined;

/**
 * Every call of the decorated mutation is audited, whatever its outcome, validation
 * failures included. Mutations take (ref, input, opts) or, for deletes, (ref, opts):
 * the options are the argument after the ones without defaults.
 */
export function Audited(action: string) {
  return (_target: object, _key: string, descriptor: PropertyDescriptor): void => {
    const original = descriptor.value as (...args: unknown[]) => Promise<MutationOutcome>;
    const optsAt = original.length;
    descriptor.value = function (this: AuditsMutations, ...args: unknown[]) {
      const ref = (args[0] ?? {}) as Partial<ObjectRef>;
      const opts = (args[optsAt] ?? {}) as MutationOptionsLike;
      return this.audited(action, { ...ref, name: ref.name ?? nameOf(args[1]) }, opts, async () => original.apply(this, args));
    };
  };
}
