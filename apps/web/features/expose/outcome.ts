import type { AccessUrlFieldsFragment, ObjectChangeFieldsFragment } from '../../lib/graphql/generated/graphql';
import type { ChangeOutcome } from '../change/use-change';

type Answer = {
  dryRun: boolean;
  replayed: boolean;
  deleted: boolean;
  notes: readonly string[];
  changes: readonly (ObjectChangeFieldsFragment & { accessUrls: readonly AccessUrlFieldsFragment[] })[];
  service?: { accessUrls: readonly AccessUrlFieldsFragment[] } | null;
};

/** What reaches the service from outside the cluster, else everything (a URL only pods can use is rarely what was asked for). */
export function outsideFirst<T extends { scope: string }>(urls: readonly T[]): T[] {
  const outside = urls.filter((u) => u.scope !== 'IN_CLUSTER');
  return outside.length ? outside : [...urls];
}

/**
 * A self-service answer as the change flow shows it. The addresses: the object as the
 * catalog now has it after a real change; on a dry run the API's prediction for each
 * object written (its `accessUrls`), never recomputed here.
 */
export function outcomeOf(a: Answer, link?: ChangeOutcome['link']): ChangeOutcome {
  const predicted = a.changes.flatMap((c) => c.accessUrls);
  const urls = a.service ? a.service.accessUrls : predicted;
  return { dryRun: a.dryRun, replayed: a.replayed, deleted: a.deleted, notes: a.notes, changes: a.changes, urls: outsideFirst(dedupe(urls)), link };
}

function dedupe<T extends { url: string; via: string }>(urls: readonly T[]): T[] {
  const seen = new Set<string>();
  return urls.filter((u) => !seen.has(`${u.via} ${u.url}`) && !!seen.add(`${u.via} ${u.url}`));
}
