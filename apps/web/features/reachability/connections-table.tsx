import { ArrowRight } from 'lucide-react';
import type { PeerConnectionFieldsFragment } from '../../lib/graphql/generated/graphql';
import { TableHead, td } from '../object/table';
import { type Peer, PeerName } from './peer';
import { ShortReason } from './why';

/** A connection's first two cells: its source, then → its destination. */
export function PairCells({ pair, cluster }: { pair: { source: Peer; destination: Peer }; cluster: string }) {
  return (
    <>
      <td className={td}>
        <PeerName peer={pair.source} cluster={cluster} />
      </td>
      <td className={td}>
        <span className="inline-flex items-center gap-1.5">
          <ArrowRight aria-hidden className="size-3.5 shrink-0 text-faint" />
          <PeerName peer={pair.destination} cluster={cluster} />
        </span>
      </td>
    </>
  );
}

/** Allowed connections as a table: source → destination : ports, with the rules that allow each (or, for lost ones, allowed them). */
export function ConnectionsTable({ connections, cluster, caption, reasonHeading = 'Allowed by' }: { connections: readonly PeerConnectionFieldsFragment[]; cluster: string; caption: string; reasonHeading?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="connections">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={['Source', <span key="d"><span className="sr-only">to </span>Destination</span>, 'Ports', reasonHeading]} />
        <tbody className="divide-y divide-border">
          {connections.map((c) => (
            <tr key={`${c.source.id} ${c.destination.id}`} data-testid="connection" data-source={c.source.id} data-destination={c.destination.id}>
              <PairCells pair={c} cluster={cluster} />
              <td className={`${td} font-mono text-[13px] whitespace-nowrap`}>{c.text}</td>
              <td className={`${td} text-xs text-muted`}>
                <ShortReason why={c.why} cluster={cluster} allowed />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
