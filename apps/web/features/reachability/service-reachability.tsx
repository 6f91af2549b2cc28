import { ShieldCheck, ShieldOff } from 'lucide-react';
import Link from 'next/link';
import { Badge, Chip } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { ErrorState } from '../../components/ui/states';
import { TimeAgo } from '../../components/ui/time-ago';
import { problemAdvice } from '../../lib/graphql/errors';
import type { ServiceReachabilityQuery } from '../../lib/graphql/generated/graphql';
import type { Result } from '../../lib/graphql/server';
import { routes } from '../../lib/routes';
import { type Peer, PeerName } from './peer';
import { ShortReason, WhyDisclosure } from './why';

type Reachability = NonNullable<NonNullable<ServiceReachabilityQuery['service']>['reachableFrom']>;
type PortReach = Reachability['ports'][number];
type Reaching = PortReach['allowedFrom'][number];

const HEADING = 'Who can reach this';

const countOf = (peers: readonly Reaching[]) => {
  const workloads = peers.filter((p) => p.peer.type === 'WORKLOAD').length;
  const ranges = peers.length - workloads;
  return [workloads && `${workloads} workload${workloads === 1 ? '' : 's'}`, ranges && `${ranges} outside range${ranges === 1 ? '' : 's'}`].filter(Boolean).join(' and ');
};

function portTitle(p: PortReach): string {
  return `${p.name ? `${p.name} · ` : ''}${p.port}/${p.protocol} → ${p.targetPort}`;
}

function ReachingRow({ r, cluster, allowed, port }: { r: Reaching; cluster: string; allowed: boolean; port: PortReach }) {
  const subject = `${r.peer.type === 'EXTERNAL' ? r.peer.range : r.peer.name} to ${port.port}/${port.protocol}`;
  return (
    <li className="px-4 py-2 text-sm" data-testid={allowed ? 'reach-allowed' : 'reach-denied'} data-peer={r.peer.id}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <PeerName peer={r.peer} cluster={cluster} />
        {allowed && !r.allBackends && (
          <Badge tone="warn" title="Policies let it reach some of the pods behind the service, not all">
            only some backends
          </Badge>
        )}
      </div>
      <p className="mt-0.5 text-xs text-muted" data-testid="reach-reason">
        <ShortReason why={r.why} cluster={cluster} allowed={allowed} />
      </p>
      <WhyDisclosure why={r.why} cluster={cluster} subject={subject} />
    </li>
  );
}

function PortSection({ p, cluster, isolated }: { p: PortReach; cluster: string; isolated: boolean }) {
  const id = `reach-port-${p.protocol}-${p.port}`;
  return (
    <section aria-labelledby={id} className="border-b border-border last:border-b-0" data-testid="reach-port" data-port={`${p.port}/${p.protocol}`}>
      <h3 id={id} className="flex flex-wrap items-center gap-2 bg-surface-2/50 px-4 py-2 text-sm font-semibold text-text">
        <span className="font-mono text-[13px]">{portTitle(p)}</span>
        <span className="text-xs font-normal text-muted">{p.allowedFrom.length ? `${countOf(p.allowedFrom)} can connect` : 'nothing can connect'}</span>
      </h3>
      {p.allowedFrom.length ? (
        <ul className="divide-y divide-border" aria-label={`Allowed to connect to ${p.port}/${p.protocol}`}>
          {p.allowedFrom.map((r) => (
            <ReachingRow key={r.peer.id} r={r} cluster={cluster} allowed port={p} />
          ))}
        </ul>
      ) : (
        <p className="px-4 py-2 text-sm text-muted">
          {isolated
            ? 'No workload and no address may open this port: the policies selecting its pods have no ingress rule that allows it. To let a client in, add an ingress rule naming it and this port (or its target port) to one of those policies.'
            : 'No workload was found that could connect.'}
        </p>
      )}
      {p.deniedFrom.length > 0 && (
        <details className="border-t border-border px-4 py-2 text-sm" data-testid="reach-denied-list">
          <summary className="cursor-pointer text-text select-none">
            {countOf(p.deniedFrom)} cannot connect<span className="sr-only"> to {p.port}/{p.protocol}</span>
          </summary>
          <ul className="-mx-4 mt-1 divide-y divide-border">
            {p.deniedFrom.map((r) => (
              <ReachingRow key={r.peer.id} r={r} cluster={cluster} allowed={false} port={p} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Backends({ backends, cluster }: { backends: readonly Peer[]; cluster: string }) {
  return (
    <div className="border-b border-border px-4 py-2.5 text-sm">
      <h3 className="mb-1 text-xs font-semibold text-muted">Behind the service</h3>
      {backends.length ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="reach-backends">
          {backends.map((b) => (
            <li key={b.id}>
              <PeerName peer={b} cluster={cluster} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No pods: nothing can connect until the selector matches running pods (see Pods and endpoints).</p>
      )}
    </div>
  );
}

function Policies({ cluster, namespace, policies }: { cluster: string; namespace: string; policies: ServiceReachabilityQuery['networkPolicies'] }) {
  return (
    <div className="px-4 py-2.5 text-xs text-muted" data-testid="namespace-policies">
      <h3 className="mb-1 font-semibold">NetworkPolicies in namespace {namespace}</h3>
      {policies.length ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {policies.map((p) => (
            <li key={p.name} className="inline-flex items-center gap-1">
              <Link href={routes.networkPolicy(cluster, p.namespace, p.name)} className="font-mono text-[13px]">
                {p.name}
              </Link>
              <span>({p.policyTypes.join(', ')})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
    </div>
  );
}

function Frame({ description, children }: { description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card aria-labelledby="reach-heading" data-testid="reachability">
      <CardHeader id="reach-heading" title={HEADING} description={description} />
      {children}
    </Card>
  );
}

/**
 * "Who can reach this": per service port, the workloads and outside ranges NetworkPolicies let
 * connect to the pods behind it, each with the rule that allows it, and — folded — those that
 * cannot, with why. Computed by the API from the mirror; rendered here, never recomputed.
 */
export function ServiceReachability({ cluster, namespace, type, result }: { cluster: string; namespace: string; type: string; result: Result<ServiceReachabilityQuery> }) {
  if (!result.ok) {
    return (
      <Frame>
        <div className="p-4">
          <ErrorState title="Who can reach this service could not be worked out" message={result.problem.message}>
            {problemAdvice(result.problem)}
          </ErrorState>
        </div>
      </Frame>
    );
  }
  const reach = result.data.service?.reachableFrom;
  if (!reach) {
    return (
      <Frame>
        <p className="px-4 py-3 text-sm text-muted">
          {type === 'ExternalName'
            ? 'Not applicable: an ExternalName service is a DNS alias. Clients connect to the name it points at directly, so this cluster’s NetworkPolicies on its pods do not apply to it.'
            : 'Not known: the service has no selector, so the catalog does not know which pods stand behind it (its endpoints are managed by hand or by another controller).'}
        </p>
      </Frame>
    );
  }
  return (
    <Frame
      description={
        <>
          Which workloads and outside addresses NetworkPolicies let open each port of the pods behind it, computed from the mirror <TimeAgo iso={reach.computedAt} />.
        </>
      }
    >
      <p className="flex items-start gap-2 border-b border-border px-4 py-2.5 text-sm text-text" data-testid="reach-isolation" data-isolated={reach.isolated}>
        {reach.isolated ? (
          <>
            <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-ok" />
            <span>
              <Chip className="mr-1.5">Isolated</Chip>
              NetworkPolicies select the pods behind this service: only what their ingress rules allow can connect.
            </span>
          </>
        ) : (
          <>
            <ShieldOff aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
            <span>
              <Chip className="mr-1.5">Not isolated</Chip>
              No NetworkPolicy selects the pods behind this service: every pod and address can connect.
            </span>
          </>
        )}
      </p>
      <Backends backends={reach.backends} cluster={cluster} />
      {reach.ports.length ? (
        reach.ports.map((p) => <PortSection key={`${p.protocol}/${p.port}`} p={p} cluster={cluster} isolated={reach.isolated} />)
      ) : (
        <p className="border-b border-border px-4 py-2.5 text-sm text-muted">The service declares no ports, so there is nothing to connect to.</p>
      )}
      <Policies cluster={cluster} namespace={namespace} policies={result.data.networkPolicies} />
      <p className="border-t border-border px-4 py-2.5 text-xs text-muted">
        <Link href={routes.whatIf(cluster)} className="font-medium">
          Try a NetworkPolicy
        </Link>{' '}
        and see which connections it would add or remove, without touching the cluster.
      </p>
    </Frame>
  );
}
