import Link from 'next/link';
import { Chip } from '../../components/ui/badge';
import type { ConnectivityPeerFieldsFragment } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';

export type Peer = ConnectivityPeerFieldsFragment;

/**
 * A workload (its name, kind and namespace, the namespace linking to its services in the
 * catalog: workloads have no page of their own) or an address range outside the cluster.
 */
export function PeerName({ peer, cluster }: { peer: Peer; cluster: string }) {
  if (peer.type === 'EXTERNAL') {
    return (
      <span className="inline-flex flex-wrap items-center gap-1.5">
        <span className="font-mono text-[13px] text-text">{peer.range ?? peer.id}</span>
        <Chip>outside the cluster</Chip>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <span className="font-mono text-[13px] font-medium text-text">{peer.name}</span>
        {peer.kind && <Chip title={`Kubernetes kind ${peer.kind}`}>{peer.kind}</Chip>}
      </span>
      {peer.namespace && (
        <span className="text-xs text-muted">
          in{' '}
          <Link href={routes.catalog({ cluster, namespace: peer.namespace })} aria-label={`namespace ${peer.namespace} (its services)`}>
            {peer.namespace}
          </Link>
        </span>
      )}
    </span>
  );
}

