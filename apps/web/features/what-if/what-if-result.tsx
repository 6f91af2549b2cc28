import { Card, CardHeader } from '../../components/ui/card';
import { TimeAgo } from '../../components/ui/time-ago';
import type { ConnectivityWhatIfQuery } from '../../lib/graphql/generated/graphql';
import { TableHead, td } from '../object/table';
import { ConnectionsTable, PairCells } from '../reachability/connections-table';
import { ShortReason } from '../reachability/why';

type Diff = ConnectivityWhatIfQuery['connectivityWhatIf'];

const count = (n: number) => `${n} connection${n === 1 ? '' : 's'}`;

function Changed({ changed, cluster }: { changed: Diff['changed']; cluster: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="changed-connections">
        <caption className="sr-only">Connections whose allowed ports would change</caption>
        <TableHead columns={['Source', <span key="d"><span className="sr-only">to </span>Destination</span>, 'Ports now', 'Ports after', 'Allowed after by']} />
        <tbody className="divide-y divide-border">
          {changed.map((c) => (
            <tr key={`${c.source.id} ${c.destination.id}`} data-testid="connection" data-source={c.source.id} data-destination={c.destination.id}>
              <PairCells pair={c} cluster={cluster} />
              <td className={`${td} font-mono text-[13px] whitespace-nowrap`}>{c.before.text}</td>
              <td className={`${td} font-mono text-[13px] whitespace-nowrap`}>{c.after.text}</td>
              <td className={`${td} text-xs text-muted`}>
                <ShortReason why={c.after.why} cluster={cluster} allowed />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ id, title, description, empty, testId, children }: { id: string; title: string; description: string; empty: boolean; testId: string; children: React.ReactNode }) {
  return (
    <Card aria-labelledby={id} data-testid={testId}>
      <CardHeader id={id} title={title} description={description} />
      {empty ? <p className="px-4 py-3 text-sm text-muted">None.</p> : children}
    </Card>
  );
}

/** What the manifests would change: connections gained, lost and changed, each with why. */
export function WhatIfResult({ diff }: { diff: Diff }) {
  const { cluster, gained, lost, changed } = diff;
  const nothing = gained.length + lost.length + changed.length === 0;
  return (
    <div className="flex flex-col gap-5" data-testid="what-if-result" aria-live="polite">
      <p className="text-sm text-muted">
        Compared with the mirror of cluster {cluster} as computed <TimeAgo iso={diff.computedAt} />.
      </p>
      {nothing ? (
        <p className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-text" data-testid="what-if-nothing">
          Nothing would change: every connection allowed now would still be allowed on the same ports, and nothing new would be. The policy may select no pod, or repeat what other policies already allow.
        </p>
      ) : (
        <>
          <Section id="gained-heading" testId="what-if-gained" title={`Connections gained (${gained.length})`} description="Pairs that cannot connect now and could after the change." empty={!gained.length}>
            <ConnectionsTable connections={gained} cluster={cluster} caption={`${count(gained.length)} gained`} reasonHeading="Allowed after by" />
          </Section>
          <Section id="lost-heading" testId="what-if-lost" title={`Connections lost (${lost.length})`} description="Pairs that can connect now and could not after the change." empty={!lost.length}>
            <ConnectionsTable connections={lost} cluster={cluster} caption={`${count(lost.length)} lost`} reasonHeading="Allowed now by" />
          </Section>
          <Section id="changed-heading" testId="what-if-changed" title={`Connections changed (${changed.length})`} description="Pairs that can connect before and after, on different ports." empty={!changed.length}>
            <Changed changed={changed} cluster={cluster} />
          </Section>
        </>
      )}
    </div>
  );
}
