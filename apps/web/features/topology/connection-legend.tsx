'use client';

import type { ApiProblem } from '../../lib/graphql/errors';
import { problemAdvice } from '../../lib/graphql/errors';
import type { ConnectionLayer } from './connection-layer';
import type { TopologyViewMode } from './view-toggle';

/** The two edge looks as small lines (the same strokes the graph draws). */
function Swatch({ dashed }: { dashed?: boolean }) {
  return (
    <svg aria-hidden width="28" height="8" className="shrink-0">
      <line x1="0" y1="4" x2="28" y2="4" stroke={dashed ? 'var(--ok)' : 'var(--faint)'} strokeWidth={dashed ? 2 : 1.4} strokeDasharray={dashed ? '7 4' : undefined} />
    </svg>
  );
}

/** What the connection layer adds, what it left out and why, or why it is empty. */
export function ConnectionLegend({ layer, fetching, problem, needsCluster, view }: { layer: ConnectionLayer | null; fetching: boolean; problem: ApiProblem | null; needsCluster: boolean; view: TopologyViewMode }) {
  let note: string;
  if (needsCluster) note = 'Pick a cluster: allowed connections are computed per cluster.';
  else if (problem) note = `The allowed connections could not be loaded: ${problem.message}. ${problemAdvice(problem)}`;
  else if (!layer) note = fetching ? 'Loading the allowed connections…' : 'Waiting for the allowed connections…';
  else if (layer.total === layer.open) note = layer.total ? `No NetworkPolicy isolates these workloads: all ${layer.total} pairs are open by default, so none is drawn.` : 'No workload runs here, so there is no connection to draw.';
  else {
    const left = [layer.open > 0 && `${layer.open} pairs open by default (no policy isolates either end)`, layer.notDrawn > 0 && `${layer.notDrawn} between workloads whose pods are folded or not drawn`, layer.external > 0 && `${layer.external} to or from addresses outside the cluster`].filter(Boolean);
    note = `${view === 'graph' ? `${layer.edges.length} edge${layer.edges.length === 1 ? '' : 's'} drawn from pod to pod (or pod group), labelled with the ports` : 'Each pod lists the workloads policies let it connect to'}${left.length ? `; not drawn: ${left.join(', ')}` : ''}. Open a service’s page for who can reach it and why.`;
  }
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-border px-4 py-2 text-xs text-muted" data-testid="connection-legend" role="note" aria-label="Legend of the connection layer">
      {view === 'graph' && (
        <>
          <span className="inline-flex items-center gap-1.5">
            <Swatch /> service → its pods
          </span>
          <span className="inline-flex items-center gap-1.5 text-text">
            <Swatch dashed /> allowed connection (NetworkPolicies)
          </span>
        </>
      )}
      <span aria-live="polite">{note}</span>
    </div>
  );
}
