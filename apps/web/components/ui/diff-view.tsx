import { cn } from '../../lib/cn';

// The API's diffs are one line per field: "+ path: value", "- path: value", "~ path: old → new".
const LOOK: Record<string, { className: string; word: string }> = {
  '+': { className: 'bg-ok-soft text-ok', word: 'added' },
  '-': { className: 'bg-bad-soft text-bad', word: 'removed' },
  '~': { className: 'bg-warn-soft text-warn', word: 'changed' },
};

/** A field-by-field diff as the API returns it, each line marked added/removed/changed in words too. */
export function DiffView({ diff, empty = 'No field changes.' }: { diff: string; empty?: string }) {
  const lines = diff.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <pre className="overflow-x-auto rounded-md border border-border bg-surface-2 p-2 text-xs leading-5" aria-label="Changes">
      {lines.map((line, i) => {
        const look = LOOK[line[0] ?? ''];
        return (
          <div key={i} className={cn('rounded px-1.5 whitespace-pre-wrap break-all', look?.className ?? 'text-text')}>
            {look && <span className="sr-only">{look.word}: </span>}
            {line}
          </div>
        );
      })}
    </pre>
  );
}
