import { Network } from 'lucide-react';
import Link from 'next/link';
import { serviceKindLabel, serviceTypeSummary } from '@switchboard/k8s-model';
import { Chip, StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { Facts } from '../../components/ui/key-values';
import { PageHeader } from '../../components/ui/page-header';
import { TimeAgo } from '../../components/ui/time-ago';
import { routes } from '../../lib/routes';
import { ExposeActions } from '../expose/expose-actions';
import { LiveRefresh } from '../live/use-live';
import { AccessUrls } from '../object/access-urls';
import { Findings } from '../object/findings';
import { ManifestCard } from '../object/manifest';
import { LabelsAndAnnotations } from '../object/metadata';
import { MirrorWarning } from '../object/mirror-warning';
import { Backends } from './backends';
import { IngressRoutes } from './ingress-routes';
import { NeighbourhoodSection } from './neighbourhood-section';
import { PortsTable } from './ports-table';
import { ServiceActions } from './service-actions';
import { ServiceGroup } from './service-group';
import type { ServiceReachabilityQuery } from '../../lib/graphql/generated/graphql';
import type { Result } from '../../lib/graphql/server';
import { ServiceReachability } from '../reachability/service-reachability';
import type { PageService } from './types';

const mono = (v: string) => <span className="font-mono text-[13px]">{v}</span>;

function About({ service: s }: { service: PageService }) {
  const rows: [string, React.ReactNode][] = [
    ['Cluster', <Link key="c" href={routes.catalog({ cluster: s.cluster })}>{s.clusterInfo.displayName}{s.clusterInfo.displayName !== s.cluster && <span className="text-muted"> ({s.cluster})</span>}</Link>],
    ['Namespace', <Link key="n" href={routes.catalog({ cluster: s.cluster, namespace: s.namespace })}>{s.namespace}</Link>],
    ['Type', s.headless ? 'ClusterIP, headless (clusterIP: None)' : s.type],
  ];
  if (s.type === 'ExternalName') rows.push(['Alias for', mono(s.externalName ?? '(unset)')]);
  else if (!s.headless) rows.push(['Cluster IP', mono(s.clusterIPs.length ? s.clusterIPs.join(', ') : (s.clusterIP ?? 'not allocated yet'))]);
  if (s.type === 'LoadBalancer') {
    const addrs = s.loadBalancerIngress.flatMap((l) => [l.ip, l.hostname].filter((x): x is string => !!x));
    rows.push(['Load balancer', addrs.length ? mono(addrs.join(', ')) : <StatusBadge key="lb" status="PENDING" label="Address pending" />]);
  }
  if (s.externalIPs.length) rows.push(['External IPs', mono(s.externalIPs.join(', '))]);
  if (s.sessionAffinity && s.sessionAffinity !== 'None') rows.push(['Session affinity', s.sessionAffinity]);
  if (s.externalTrafficPolicy) rows.push(['External traffic', s.externalTrafficPolicy === 'Local' ? 'Local (node-local pods only, client IP kept)' : `${s.externalTrafficPolicy} (any node, any pod)`]);
  rows.push(['Created', <TimeAgo key="t" iso={s.createdAt} />], ['Mirrored', <TimeAgo key="m" iso={s.syncedAt} />], ['Version', mono(s.resourceVersion)], ['UID', <span key="u" className="font-mono text-xs break-all">{s.uid}</span>]);
  return (
    <Card aria-labelledby="about-heading">
      <CardHeader id="about-heading" title="About" />
      <div className="px-4 py-3">
        <Facts rows={rows} />
      </div>
    </Card>
  );
}

/** The service page: where it is reachable first, then what it is made of. */
export function ServiceView({ service: s, reach }: { service: PageService; reach: Result<ServiceReachabilityQuery> }) {
  const kind = serviceKindLabel(s);
  const watchNodes = s.type === 'NodePort' || s.type === 'LoadBalancer';
  return (
    <>
      <LiveRefresh catalog={{ clusters: [s.cluster], namespaces: [s.namespace], kinds: ['SERVICE', 'ENDPOINT_SLICE', 'INGRESS', 'POD', 'NETWORK_POLICY', ...(watchNodes ? (['NODE'] as const) : [])] }} clusterStatus={[s.cluster]} />
      <PageHeader
        crumbs={[{ label: 'Services', href: routes.catalog() }, { label: s.cluster, href: routes.catalog({ cluster: s.cluster }) }, { label: s.namespace, href: routes.catalog({ cluster: s.cluster, namespace: s.namespace }) }]}
        title={s.name}
        badges={
          <>
            <Chip className="text-sm" title={`Service type ${s.type}${s.headless ? ', headless' : ''}`}>
              {kind}
            </Chip>
            <StatusBadge status={s.health} className="text-sm" title="Health, from its endpoints and findings" />
          </>
        }
        description={
          <>
            {serviceTypeSummary(s)}
            {s.type === 'ClusterIP' && s.accessUrls.some((u) => u.via === 'INGRESS') && ' An ingress routes to it, though: through the ingress controller it is reachable from outside too.'}
          </>
        }
        actions={
          <>
            <ServiceActions service={s} />
            <ExposeActions service={s} />
            <Link href={routes.topology({ cluster: s.cluster, namespace: s.namespace, focus: `svc:${s.cluster}/${s.namespace}/${s.name}` })} className="inline-flex items-center gap-1.5 text-sm">
              <Network aria-hidden className="size-4" />
              Topology
            </Link>
          </>
        }
      />
      <MirrorWarning cluster={s.clusterInfo} />
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex min-w-0 flex-col gap-5">
          <AccessUrls urls={s.accessUrls} primary={s.primaryAccessUrl} subject={`service ${s.name}`} />
          <PortsTable service={s} />
          <Backends service={s} />
          <IngressRoutes service={s} />
          <ServiceReachability cluster={s.cluster} namespace={s.namespace} type={s.type} result={reach} />
          <NeighbourhoodSection cluster={s.cluster} namespace={s.namespace} name={s.name} />
          <ManifestCard yaml={s.manifest} kind="service" name={s.name} namespace={s.namespace} mirroredAt={s.syncedAt} />
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <Findings
            items={s.diagnostics}
            subject={`service ${s.name}`}
            note={s.endpointCounts.ready < s.endpointCounts.total ? `But ${s.endpointCounts.total - s.endpointCounts.ready} of ${s.endpointCounts.total} endpoints are not ready, so the service is ${s.health.toLowerCase()}: see Pods and endpoints.` : null}
          />
          <About service={s} />
          <ServiceGroup service={s} />
          <LabelsAndAnnotations labels={s.labels} annotations={s.annotations} />
        </div>
      </div>
    </>
  );
}
