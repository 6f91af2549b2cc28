'use client';

import { CircleCheck, FilePlus2, FileMinus2, FilePen, FileCheck } from 'lucide-react';
import Link from 'next/link';
import type { LucideIcon } from 'lucide-react';
import { stringify } from 'yaml';
import { Badge } from '../../components/ui/badge';
import { CopyButton } from '../../components/ui/copy-button';
import { DiffView } from '../../components/ui/diff-view';
import type { ObjectChangeFieldsFragment } from '../../lib/graphql/generated/graphql';
import type { Tone } from '../../lib/tone';
import type { Url } from '../object/access-urls';
import { VIA_LABEL } from '../object/via';
import type { ChangeOutcome } from './use-change';

const ACTION: Record<ObjectChangeFieldsFragment['action'], { word: string; future: string; tone: Tone; icon: LucideIcon }> = {
  CREATE: { word: 'Created', future: 'Will be created', tone: 'ok', icon: FilePlus2 },
  UPDATE: { word: 'Changed', future: 'Will change', tone: 'warn', icon: FilePen },
  DELETE: { word: 'Deleted', future: 'Will be deleted', tone: 'bad', icon: FileMinus2 },
  NONE: { word: 'Unchanged', future: 'No change', tone: 'idle', icon: FileCheck },
};

/**
 * A whole object created or deleted comes as one line (`+ (object): {json}`): shown
 * as YAML lines, each marked added (or removed), so it reads like the manifest.
 */
export function readableDiff(diff: string): string {
  const whole = /^([+-]) \(object\): (\{.*\})$/s.exec(diff.trim());
  if (!whole) return diff;
  try {
    return stringify(JSON.parse(whole[2]!), { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => `${whole[1]} ${l}`)
      .join('\n');
  } catch {
    return diff;
  }
}

/** One object a change writes: what happens to it and its field-by-field diff. */
function ChangeItem({ change, dryRun }: { change: ObjectChangeFieldsFragment; dryRun: boolean }) {
  const look = ACTION[change.action];
  const Icon = look.icon;
  return (
    <li className="flex flex-col gap-2" data-testid="object-change" data-action={change.action}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={look.tone}>
          <Icon aria-hidden className="size-3.5" />
          {dryRun ? look.future : look.word}
        </Badge>
        <span className="font-medium text-text">
          {change.kind} <span className="font-mono">{change.namespace}/{change.name}</span>
        </span>
      </div>
      {change.action === 'DELETE' ? (
        // The whole object goes: its fields are there to check, not to read through before confirming.
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">The object as it will be deleted</summary>
          <div className="mt-2">
            <DiffView diff={readableDiff(change.diff)} />
          </div>
        </details>
      ) : (
        <DiffView diff={readableDiff(change.diff)} empty={change.action === 'NONE' ? 'Already as asked: nothing to write.' : 'No field changes.'} />
      )}
    </li>
  );
}

/** Addresses as a list with a copy button each ("Copy <url>"). */
export function UrlList({ urls, label }: { urls: readonly Url[]; label: string }) {
  if (urls.length === 0) return null;
  return (
    <ul aria-label={label} className="divide-y divide-border rounded-md border border-border" data-testid="change-urls">
      {urls.map((u, i) => (
        <li key={`${u.url}-${i}`} data-testid="access-url" data-url={u.url} data-scope={u.scope} className="flex items-start gap-3 px-3 py-2">
          <div className="min-w-0 flex-1">
            <p className="font-mono text-sm break-all text-text">
              {u.url}
              {u.pending && <span className="ml-2 font-sans text-xs text-muted italic">(pending: no address assigned yet)</span>}
            </p>
            <p className="text-xs text-muted">
              <span className="font-medium text-text">{VIA_LABEL[u.via]}</span>
              {u.note && <> · {u.note}</>}
            </p>
          </div>
          {!u.pending && !u.pattern && <CopyButton text={u.url} />}
        </li>
      ))}
    </ul>
  );
}

function Notes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 rounded-md border border-info/40 bg-info-soft px-3 py-2 text-sm text-text" aria-label="Notes" data-testid="change-notes">
      {notes.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ul>
  );
}

/** The dry run's answer: every object the change would write with its diff, notes and the addresses it will have. */
export function ChangePreview({ outcome, extraNotes = [] }: { outcome: ChangeOutcome; extraNotes?: readonly string[] }) {
  return (
    <section aria-labelledby="change-preview-heading" className="flex flex-col gap-3" data-testid="change-preview">
      <div>
        <h2 id="change-preview-heading" className="text-sm font-semibold text-text">
          What will change
        </h2>
        <p className="text-xs text-muted">The cluster checked this with a server-side dry run: nothing has been changed yet.</p>
      </div>
      <Notes notes={[...extraNotes, ...outcome.notes]} />
      <ul className="flex flex-col gap-4">
        {outcome.changes.map((c, i) => (
          <ChangeItem key={`${c.kind}-${c.namespace}-${c.name}-${i}`} change={c} dryRun />
        ))}
      </ul>
      {outcome.urls.length > 0 && (
        <div className="flex flex-col gap-1.5">
          <h3 className="text-sm font-semibold text-text">Where it will be reachable</h3>
          <UrlList urls={outcome.urls} label="Addresses it will have" />
        </div>
      )}
    </section>
  );
}

/** The applied change: done (or answered from an earlier identical request), its addresses with copy buttons, a link to the object. */
export function ChangeResult({ outcome, title }: { outcome: ChangeOutcome; title: string }) {
  return (
    <section aria-labelledby="change-result-heading" className="flex flex-col gap-3" data-testid="change-result">
      <div role="status" className="flex items-start gap-2 rounded-md border border-ok/40 bg-ok-soft px-3 py-2.5">
        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-ok" />
        <div className="min-w-0">
          <h2 id="change-result-heading" className="text-sm font-semibold text-text">
            {title}
          </h2>
          {outcome.replayed && <p className="text-xs text-muted">This is the answer to the same request sent earlier: it was carried out once.</p>}
        </div>
      </div>
      <Notes notes={outcome.notes} />
      {outcome.urls.length > 0 && (
        <div className="flex flex-col gap-1.5">
          <h3 className="text-sm font-semibold text-text">Where it is reachable</h3>
          <UrlList urls={outcome.urls} label="Addresses" />
        </div>
      )}
      {outcome.link && (
        <p>
          <Link href={outcome.link.href} className="text-sm font-medium">
            {outcome.link.label}
          </Link>
        </p>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-muted">What was written</summary>
        <ul className="mt-2 flex flex-col gap-4">
          {outcome.changes.map((c, i) => (
            <ChangeItem key={`${c.kind}-${c.namespace}-${c.name}-${i}`} change={c} dryRun={false} />
          ))}
        </ul>
      </details>
    </section>
  );
}
