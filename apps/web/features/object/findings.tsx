import { CircleCheck } from 'lucide-react';
import { StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import type { FindingFieldsFragment } from '../../lib/graphql/generated/graphql';

/** An object's findings, worst first, each with what to do about it. */
export function Findings({ items, subject, note }: { items: readonly Omit<FindingFieldsFragment, '__typename'>[]; subject: string; /** Said when there is no finding but something still deserves a look. */ note?: string | null }) {
  const rank = { ERROR: 0, WARNING: 1, INFO: 2 } as const;
  const sorted = [...items].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <Card aria-labelledby="findings-heading" data-testid="findings">
      <CardHeader id="findings-heading" title={items.length ? `Findings (${items.length})` : 'Findings'} description={items.length ? 'What is wrong, and what to do about it.' : undefined} />
      {sorted.length === 0 ? (
        <div className="px-4 py-3 text-sm text-muted">
          <p className="flex items-center gap-2">
            <CircleCheck aria-hidden className="size-4 shrink-0 text-ok" />
            No finding about {subject}.
          </p>
          {note && <p className="mt-1 text-text">{note}</p>}
        </div>
      ) : (
        <ul className="divide-y divide-border">
          {sorted.map((d, i) => (
            <li key={`${d.code}-${i}`} className="px-4 py-3" data-testid="finding" data-code={d.code}>
              <div className="flex items-start gap-2">
                <StatusBadge status={d.severity} className="mt-px" />
                <p className="min-w-0 text-sm font-medium break-words text-text">{d.message}</p>
              </div>
              <p className="mt-1.5 text-sm text-muted">
                <span className="font-semibold text-text">What to do: </span>
                {d.hint}
              </p>
              <p className="mt-1 font-mono text-[11px] text-faint">{d.code}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
