import { ArrowRight } from 'lucide-react';
import { Card, CardHeader } from '../../components/ui/card';
import type { PageService } from './types';
import { TableHead, td } from '../object/table';

/** port → targetPort, nodePort, protocol, appProtocol, name: one row per service port. */
export function PortsTable({ service }: { service: PageService }) {
  const ports = service.ports;
  const nodePorts = ports.some((p) => p.nodePort !== null);
  return (
    <Card aria-labelledby="ports-heading">
      <CardHeader
        id="ports-heading"
        title={`Ports (${ports.length})`}
        description={
          service.type === 'ExternalName'
            ? 'An ExternalName service does not proxy: ports only document what the target serves.'
            : service.headless
              ? 'Headless: clients connect to the pods directly, on the target port.'
              : 'Clients connect to the port; the service forwards to the target port on a ready pod.'
        }
      />
      {ports.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">No ports declared.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Ports of service {service.name}</caption>
            <TableHead columns={['Port', <><span className="sr-only">forwards to </span>Target port</>, nodePorts && 'Node port', 'Protocol', 'App protocol', 'Name']} />
            <tbody className="divide-y divide-border font-mono text-[13px]">
              {ports.map((p) => (
                <tr key={`${p.port}/${p.protocol}`} data-testid="port-row" data-port={p.port}>
                  <td className={`${td} font-semibold text-text`}>{p.port}</td>
                  <td className={td}>
                    <span className="inline-flex items-center gap-1.5">
                      <ArrowRight aria-hidden className="size-3.5 text-faint" />
                      {p.targetPort}
                      {!/^\d+$/.test(p.targetPort) && <span className="font-sans text-xs text-muted">(named container port)</span>}
                    </span>
                  </td>
                  {nodePorts && <td className={td}>{p.nodePort ?? <span className="text-faint">—</span>}</td>}
                  <td className={td}>{p.protocol}</td>
                  <td className={td}>{p.appProtocol ?? <span className="text-faint">—</span>}</td>
                  <td className={td}>{p.name || <span className="font-sans text-xs text-faint">unnamed</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
