'use client';

import { NODE_PORT_MAX, NODE_PORT_MIN } from '@switchboard/k8s-model';
import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { type PortRow, emptyPort, messageFor } from './form-model';
import { RowErrors, RowInput, RowSelect } from './row-input';

const COLS = ['name', 'port', 'targetPort', 'protocol', 'appProtocol', 'nodePort'] as const;

/** The service's ports as rows: name, port, target port (number or container port name), protocol, app protocol and, for NodePort/LoadBalancer, the node port. */
export function PortRows({
  rows,
  onChange,
  nodePorts,
  issues,
  shown,
  onTouch,
}: {
  rows: PortRow[];
  onChange: (rows: PortRow[]) => void;
  nodePorts: boolean;
  issues: readonly { field: string; message: string }[];
  shown: (path: string) => boolean;
  onTouch: (path: string) => void;
}) {
  const id = useId();
  const set = (i: number, patch: Partial<PortRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const grid = 'grid-cols-[minmax(0,1fr)_4.5rem_minmax(0,1fr)_5.25rem_minmax(0,1fr)_2rem]';
  const portsMessage = shown('ports') ? messageFor(issues, 'ports') : null;
  return (
    <div className="flex flex-col gap-2" data-testid="port-rows">
      <div aria-hidden className={cn('grid gap-2 text-xs font-medium text-muted', grid)}>
        <span>Name</span>
        <span>Port</span>
        <span>Target port</span>
        <span>Protocol</span>
        <span>App protocol</span>
      </div>
      {rows.map((r, i) => {
        const n = i + 1;
        const msg = (col: (typeof COLS)[number]) => (shown(`ports#${r.key}.${col}`) ? messageFor(issues, `ports[${i}].${col}`) : null);
        const rowMsg = COLS.some((c) => shown(`ports#${r.key}.${c}`)) ? messageFor(issues, `ports[${i}]`) : null;
        const errors = [...COLS.map((c) => ({ id: `${id}-${r.key}-${c}`, message: msg(c) })), { id: `${id}-${r.key}-row`, message: rowMsg }].filter((e): e is { id: string; message: string } => !!e.message);
        const touch = (c: string) => () => onTouch(`ports#${r.key}.${c}`);
        return (
          <div key={r.key} data-testid="port-row">
            <div className={cn('grid items-center gap-2', grid)}>
              <RowInput label={`Port ${n} name`} placeholder={rows.length > 1 ? 'http (required)' : 'http'} value={r.name} error={msg('name')} errorId={`${id}-${r.key}-name`} onChange={(e) => (set(i, { name: e.target.value }), touch('name')())} onBlur={touch('name')} spellCheck={false} autoComplete="off" />
              <RowInput label={`Port ${n} number`} inputMode="numeric" placeholder="80" value={r.port} error={msg('port') ?? rowMsg} errorId={msg('port') ? `${id}-${r.key}-port` : `${id}-${r.key}-row`} onChange={(e) => (set(i, { port: e.target.value }), touch('port')())} onBlur={touch('port')} autoComplete="off" />
              <RowInput label={`Port ${n} target port`} placeholder="8080 or http" value={r.targetPort} error={msg('targetPort')} errorId={`${id}-${r.key}-targetPort`} onChange={(e) => (set(i, { targetPort: e.target.value }), touch('targetPort')())} onBlur={touch('targetPort')} spellCheck={false} autoComplete="off" />
              <RowSelect label={`Port ${n} protocol`} value={r.protocol} onChange={(e) => set(i, { protocol: e.target.value as PortRow['protocol'] })}>
                <option>TCP</option>
                <option>UDP</option>
                <option>SCTP</option>
              </RowSelect>
              <RowInput label={`Port ${n} app protocol`} placeholder="http, grpc…" value={r.appProtocol} error={msg('appProtocol')} errorId={`${id}-${r.key}-appProtocol`} onChange={(e) => (set(i, { appProtocol: e.target.value }), touch('appProtocol')())} onBlur={touch('appProtocol')} spellCheck={false} autoComplete="off" />
              <Button variant="ghost" size="icon" aria-label={`Remove port ${n}${r.port ? ` (${r.port})` : ''}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden className="size-4" />
              </Button>
            </div>
            {/* Node ports on a line of their own: the row stays readable beside the manifest. */}
            {nodePorts && (
              <div className="mt-1.5 flex items-center gap-2 pl-1 text-xs text-muted">
                <span aria-hidden className="whitespace-nowrap">
                  Node port
                </span>
                <div className="w-60">
                  <RowSelect label={`Port ${n} node port`} value={r.nodePortMode} onChange={(e) => set(i, { nodePortMode: e.target.value as PortRow['nodePortMode'] })}>
                    <option value="auto">Allocate one ({NODE_PORT_MIN}–{NODE_PORT_MAX})</option>
                    <option value="fixed">Choose one</option>
                  </RowSelect>
                </div>
                {r.nodePortMode === 'fixed' && (
                  <div className="w-28">
                    <RowInput label={`Port ${n} node port number`} inputMode="numeric" placeholder={`${NODE_PORT_MIN}`} value={r.nodePort} error={msg('nodePort')} errorId={`${id}-${r.key}-nodePort`} onChange={(e) => (set(i, { nodePort: e.target.value }), touch('nodePort')())} onBlur={touch('nodePort')} autoComplete="off" />
                  </div>
                )}
              </div>
            )}
            <RowErrors errors={errors} />
          </div>
        );
      })}
      {portsMessage && <RowErrors errors={[{ id: `${id}-ports`, message: portsMessage }]} />}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, emptyPort()])}>
          <Plus aria-hidden className="size-3.5" />
          Add port
        </Button>
      </div>
    </div>
  );
}
