import { FlaskConical } from 'lucide-react';
import Link from 'next/link';
import { Chip } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { Facts } from '../../components/ui/key-values';
import { PageHeader } from '../../components/ui/page-header';
import { TimeAgo } from '../../components/ui/time-ago';
import type { NetworkPolicyPageQuery } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';
import { LiveRefresh } from '../live/use-live';
import { ManifestCard } from '../object/manifest';
import { LabelsAndAnnotations } from '../object/metadata';
import { TableHead, td } from '../object/table';
import { ConnectionsTable } from './connections-table';
import { PolicyRules } from './policy-rules';
import { Selector } from './selector';

type Policy = NonNullable<NetworkPolicyPageQuery['networkPolicy']>;
type Siblings = NetworkPolicyPageQuery['networkPolicies'];

function Selects({ policy: p }: { policy: Policy }) {
  const pods = p.selectedWorkloads.reduce((n, w) => n + w.pods, 0);
  return (
    <Card aria-labelledby="selects-heading" data-testid="policy-selects">
      <CardHeader
        id="selects-heading"
        title={`What it selects (${p.selectedWorkloads.length} workload${p.selectedWorkloads.length === 1 ? '' : 's'}, ${pods} pod${pods === 1 ? '' : 's'})`}
        description={
          <>
            Pods of namespace {p.namespace} matching <Selector selector={p.podSelector} empty="every pod (empty podSelector)" />, grouped by the workload that runs them.
          </>
        }
      />
      {p.selectedWorkloads.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">No pod matches the selector now: the policy has no effect until one does. Check the pod labels (kubectl get pods -n {p.namespace} --show-labels).</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Workloads policy {p.name} selects</caption>
          <TableHead columns={['Workload', 'Kind', 'Pods']} />
          <tbody className="divide-y divide-border">
            {p.selectedWorkloads.map((w) => (
              <tr key={w.id} data-testid="selected-workload" data-workload={w.id}>
                <td className={`${td} font-mono text-[13px]`}>{w.name}</td>
                <td className={td}>
                  <Chip>{w.kind}</Chip>
                </td>
                <td className={td}>{w.pods}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function Allows({ policy: p }: { policy: Policy }) {
  return (
    <Card aria-labelledby="allows-heading" data-testid="policy-allows">
      <CardHeader id="allows-heading" title={`Connections it allows (${p.allows.length})`} description="What its rules let through, each still needing the other end’s policies to agree; computed from the mirror." />
      {p.allows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">None: it only denies (no rule matches any workload or address), or it selects no pod. Other policies may still allow traffic to the pods it selects.</p>
      ) : (
        <ConnectionsTable connections={p.allows} cluster={p.cluster} caption={`Connections policy ${p.name} allows`} />
      )}
    </Card>
  );
}

function OtherPolicies({ policy: p, siblings }: { policy: Policy; siblings: Siblings }) {
  return (
    <Card aria-labelledby="siblings-heading" data-testid="namespace-policies">
      <CardHeader id="siblings-heading" title={`Policies in namespace ${p.namespace} (${siblings.length})`} description="Policies selecting the same pods add up: a connection is allowed when any of them allows it." />
      <ul className="divide-y divide-border text-sm">
        {siblings.map((s) => (
          <li key={s.name} className="flex items-center justify-between gap-2 px-4 py-2">
            {s.name === p.name ? (
              <span className="font-mono text-[13px] text-text" aria-current="page">
                {s.name} <span className="font-sans text-xs text-muted">(this page)</span>
              </span>
            ) : (
              <Link href={routes.networkPolicy(p.cluster, s.namespace, s.name)} className="font-mono text-[13px]">
                {s.name}
              </Link>
            )}
            <span className="text-xs text-muted">{s.policyTypes.join(', ')}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** A NetworkPolicy: what it selects, its rules in words, the connections it allows, and its neighbours. */
export function PolicyView({ policy: p, siblings }: { policy: Policy; siblings: Siblings }) {
  return (
    <>
      <LiveRefresh catalog={{ clusters: [p.cluster], kinds: ['NETWORK_POLICY', 'POD', 'NAMESPACE'] }} clusterStatus={[p.cluster]} />
      <PageHeader
        crumbs={[{ label: 'Services', href: routes.catalog() }, { label: p.cluster, href: routes.catalog({ cluster: p.cluster }) }, { label: p.namespace, href: routes.catalog({ cluster: p.cluster, namespace: p.namespace }) }, { label: 'NetworkPolicies' }]}
        title={p.name}
        badges={
          <>
            <Chip className="text-sm">NetworkPolicy</Chip>
            {p.policyTypes.map((t) => (
              <Chip key={t} className="text-sm" title={`Isolates the selected pods’ ${t.toLowerCase()}`}>
                {t}
              </Chip>
            ))}
          </>
        }
        actions={
          <Button asChild>
            <Link href={routes.whatIf(p.cluster, { namespace: p.namespace, name: p.name })}>
              <FlaskConical aria-hidden className="size-4" />
              Try a change to this policy
            </Link>
          </Button>
        }
        description={`Isolates the ${p.policyTypes.map((t) => t.toLowerCase()).join(' and ')} of the pods it selects in namespace ${p.namespace}: only what its rules (or other policies selecting them) allow gets through.`}
      />
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex min-w-0 flex-col gap-5">
          <Selects policy={p} />
          <PolicyRules policy={p} />
          <Allows policy={p} />
          <ManifestCard yaml={p.manifest} kind="networkpolicy" name={p.name} namespace={p.namespace} />
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <Card aria-labelledby="about-heading">
            <CardHeader id="about-heading" title="About" />
            <div className="px-4 py-3">
              <Facts
                rows={[
                  ['Cluster', <Link key="c" href={routes.catalog({ cluster: p.cluster })}>{p.cluster}</Link>],
                  ['Namespace', <Link key="n" href={routes.catalog({ cluster: p.cluster, namespace: p.namespace })}>{p.namespace}</Link>],
                  ['Policy types', p.policyTypes.join(', ')],
                  ['Created', <TimeAgo key="t" iso={p.createdAt} />],
                  ['UID', <span key="u" className="font-mono text-xs break-all">{p.uid}</span>],
                ]}
              />
            </div>
          </Card>
          <OtherPolicies policy={p} siblings={siblings} />
          <LabelsAndAnnotations labels={p.labels} annotations={p.annotations} />
        </div>
      </div>
    </>
  );
}
