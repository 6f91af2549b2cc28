import { Badge, Chip, StatusBadge } from '../../components/ui/badge';
import { Card, CardHeader } from '../../components/ui/card';
import { KeyValueChips } from '../../components/ui/key-values';
import type { PageService } from './types';
import { TableHead, td } from '../object/table';

const dash = <span className="text-faint">—</span>;

type Endpoint = PageService['endpoints'][number];

function EndpointState({ e }: { e: Endpoint }) {
  if (e.terminating) return <Badge tone="idle">{e.serving ? 'Terminating, still serving' : 'Terminating'}</Badge>;
  return e.ready ? <StatusBadge status="READY" label="Ready" /> : <StatusBadge status="UNHEALTHY" label="Not ready" />;
}

function summary(s: PageService): string {
  const { ready, total } = s.endpointCounts;
  if (total === 0) return s.podsWithoutEndpoint.length ? 'No endpoints: the pods it selects are not listed yet (see below).' : 'No endpoints: requests to it fail until a matching pod is ready.';
  if (ready === total) return `All ${total} endpoint${total === 1 ? '' : 's'} ready: requests are spread over ${total === 1 ? 'it' : 'them'}.`;
  if (ready === 0) return `None of ${total} endpoints is ready: requests to it fail.`;
  return `${ready} of ${total} endpoints ready: only the ready ones get traffic.`;
}

/** The selector and what stands behind it: endpoints with readiness, node and zone, and selected pods that are not endpoints. */
export function Backends({ service }: { service: PageService }) {
  if (service.type === 'ExternalName') {
    return (
      <Card aria-labelledby="backends-heading">
        <CardHeader id="backends-heading" title="Pods and endpoints" />
        <p className="px-4 py-3 text-sm text-muted">
          None: cluster DNS answers for this name with a CNAME to <code className="text-text">{service.externalName ?? '(unset)'}</code>, and clients connect there directly.
        </p>
      </Card>
    );
  }
  const zones = [...new Set(service.endpoints.map((e) => e.zone).filter(Boolean))];
  return (
    <Card aria-labelledby="backends-heading" data-testid="backends">
      <CardHeader id="backends-heading" title={`Pods and endpoints (${service.endpointCounts.ready}/${service.endpointCounts.total} ready)`} description={summary(service)} />
      <div className="border-b border-border px-4 py-2.5">
        <h3 className="mb-1 text-xs font-semibold text-muted">Selector</h3>
        {service.selector ? (
          <KeyValueChips items={service.selector} empty="" />
        ) : (
          <p className="text-sm text-muted">No selector: Kubernetes does not pick pods for it; its endpoints are written by hand or by another controller.</p>
        )}
        {zones.length > 1 && <p className="mt-1.5 text-xs text-muted">Spread over {zones.length} zones: {zones.join(', ')}.</p>}
      </div>
      {service.endpoints.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="endpoints">
            <caption className="sr-only">Endpoints of service {service.name}</caption>
            <TableHead columns={['Pod', 'Address', 'State', 'Node and zone']} />
            <tbody className="divide-y divide-border">
              {service.endpoints.map((e) => (
                <tr key={`${e.slice}/${e.address}`} data-testid="endpoint-row" data-ready={e.ready}>
                  <td className={`${td} min-w-48 font-mono text-[13px] break-words`}>
                    {e.pod ?? <span className="font-sans text-xs text-muted">no pod (address only)</span>}
                    {e.hostname && <div className="font-sans text-xs text-muted">hostname {e.hostname}</div>}
                  </td>
                  <td className={`${td} font-mono text-[13px] whitespace-nowrap`}>
                    {e.address}
                    {e.ports.some((p) => p.port !== null) && (
                      <span className="text-muted">
                        :
                        {e.ports
                          .flatMap((p) => (p.port === null ? [] : [p.port]))
                          .join(',')}
                      </span>
                    )}
                  </td>
                  <td className={td}>
                    <EndpointState e={e} />
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    <span className="font-mono text-[13px]">{e.node ?? dash}</span>
                    {e.zone && <div className="text-xs text-muted">{e.zone}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {service.podsWithoutEndpoint.length > 0 && (
        <section aria-labelledby="gaps-heading" className="border-t border-border" data-testid="pods-without-endpoint">
          <div className="px-4 pt-3 pb-1">
            <h3 id="gaps-heading" className="text-sm font-semibold text-text">
              Selected, but not endpoints ({service.podsWithoutEndpoint.length})
            </h3>
            <p className="text-xs text-muted">These pods match the selector and get no traffic from the service:</p>
          </div>
          <ul className="divide-y divide-border">
            {service.podsWithoutEndpoint.map((p) => (
              <li key={p.name} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 text-sm">
                <span className="font-mono text-[13px] break-all text-text">{p.name}</span>
                <Chip>{p.phase ?? 'phase unknown'}</Chip>
                {p.terminating && <Badge tone="idle">Terminating</Badge>}
                <span className="text-xs text-muted">
                  {p.ip ?? 'no IP'} · {p.node ?? 'no node'}
                  {p.zone && ` (${p.zone})`}
                </span>
                <span className="basis-full text-xs text-text">{p.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}
