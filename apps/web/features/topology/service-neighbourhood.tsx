'use client';

import { topologyIds } from '@switchboard/k8s-model';
import { Maximize2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useId, useMemo, useState } from 'react';
import { Card, CardHeader } from '../../components/ui/card';
import { EmptyState, ErrorState, Skeleton } from '../../components/ui/states';
import { problemAdvice } from '../../lib/graphql/errors';
import { routes } from '../../lib/routes';
import { warmUpLayout } from './layout';
import { TopologyGraph } from './topology-graph';
import { TopologyOutline } from './topology-outline';
import { useHydrated, useTopology } from './use-topology';
import { NEIGHBOURHOOD_POD_GROUP_MIN, useTopologyView } from './use-topology-view';
import { type TopologyViewMode, ViewToggle } from './view-toggle';

const NO_KINDS: never[] = [];

// The layout worker starts while the page hydrates and fetches the graph.
if (typeof window !== 'undefined') warmUpLayout();

/**
 * The neighbourhood of one service — the ingresses routing to it, the service, the pods and
 * endpoints behind it — as a compact graph with its outline, for the service page. It fetches
 * `topology(service: …)` itself and stays live; "Open in topology" shows the same focus full size.
 */
export function ServiceNeighbourhood({ cluster, namespace, name }: { cluster: string; namespace: string; name: string }) {
  const hydrated = useHydrated();
  const [view, setView] = useState<TopologyViewMode>('graph');
  const focusId = topologyIds.service(cluster, namespace, name);
  const headingId = useId();
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        id={headingId}
        title="Neighbourhood"
        description="The ingresses that route to this service and the pods behind it, with their status."
        actions={
          <>
            <ViewToggle value={view} onChange={setView} label="Neighbourhood view" small />
            <Link href={routes.topology({ focus: focusId })} className="inline-flex items-center gap-1 text-xs font-medium">
              <Maximize2 aria-hidden className="size-3.5" />
              Open in topology
            </Link>
          </>
        }
      />
      {hydrated ? <NeighbourhoodBody cluster={cluster} namespace={namespace} name={name} view={view} /> : <Skeleton className="m-4 h-72" />}
    </Card>
  );
}

function NeighbourhoodBody({ cluster, namespace, name, view }: { cluster: string; namespace: string; name: string; view: TopologyViewMode }) {
  const router = useRouter();
  const service = useMemo(() => ({ cluster, namespace, name }), [cluster, namespace, name]);
  const focusId = topologyIds.service(cluster, namespace, name);
  const { graph, problem, refetch } = useTopology({ service });
  const narrow = useCallback((c: string, ns?: string) => router.push(routes.topology({ cluster: c, namespace: ns })), [router]);
  const t = useTopologyView(graph, focusId, { kinds: NO_KINDS, onlyUnhealthy: false, reveal: focusId, podGroupMin: NEIGHBOURHOOD_POD_GROUP_MIN, outline: view === 'outline' }, narrow);
  const focus = useMemo(() => ({ id: focusId, seq: 0 }), [focusId]);

  if (problem) {
    return (
      <div className="p-4">
        <ErrorState title="The neighbourhood could not be loaded" message={problem.message} action={<button type="button" className="cursor-pointer text-sm text-accent underline" onClick={refetch}>Try again</button>}>
          {problemAdvice(problem)}
        </ErrorState>
      </div>
    );
  }
  if (!t.view || !t.filtered) return <Skeleton className="m-4 h-72" />;
  if (t.filtered.nodes.every((n) => n.id === focusId || n.kind === 'Cluster' || n.kind === 'Namespace')) {
    return (
      <EmptyState title="Nothing routes to it and nothing runs behind it">
        No ingress sends traffic to {name}, and it has no pods or endpoints{t.filtered.nodes.length ? '' : ' (it may have just been deleted)'}. Its findings say why.
      </EmptyState>
    );
  }
  return view === 'graph' ? (
    <TopologyGraph
      view={t.view}
      edgesById={t.edgesById}
      hrefOf={t.hrefOf}
      actions={t.actions}
      focus={focus}
      fitKey={focusId}
      narrowedTo={{ cluster, namespace }}
      label={`Neighbourhood graph of service ${name}`}
      compact
      className="m-3 h-80"
    />
  ) : (
    <div className="max-h-96 overflow-auto">
      <TopologyOutline entries={t.outline} hrefOf={t.hrefOf} onActivate={t.open} focus={{ id: null, seq: 0 }} label={`Neighbourhood outline of service ${name}`} />
    </div>
  );
}
