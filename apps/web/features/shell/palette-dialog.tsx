'use client';

import { Command } from 'cmdk';
import { Boxes, Plus, Search, Server } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Dialog } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { StatusBadge } from '../../components/ui/badge';
import type { PaletteSearchQuery as PaletteResult } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';
import { serviceKindLabel } from '@switchboard/k8s-model';
import { PaletteSearchQuery } from './queries';

const PAGES = [
  { label: 'Overview', href: routes.overview() },
  { label: 'Service catalog', href: routes.catalog() },
  { label: 'Topology', href: routes.topology() },
  { label: 'Diagnostics', href: routes.diagnostics() },
  { label: 'Deployment status', href: routes.status() },
];

const itemClass = 'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-text data-[selected=true]:bg-surface-2';
const groupClass = '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:text-muted';

/** The palette itself: loaded the first time it is wanted (command-palette.tsx), so no page pays for cmdk up front. */
export default function PaletteDialog({ open, setOpen, actions }: { open: boolean; setOpen: (open: boolean) => void; actions: { label: string; href: string }[] }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<PaletteResult | null>(null);
  const [loading, setLoading] = useState(false);
  const client = useClient();
  const router = useRouter();

  useEffect(() => {
    if (!open) return;
    let stale = false;
    setLoading(true);
    const t = setTimeout(async () => {
      const r = await client.query(PaletteSearchQuery, { search: text.trim() }, { requestPolicy: 'network-only' }).toPromise();
      if (stale) return;
      setLoading(false);
      if (r.data) setResult(r.data);
    }, 120);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [open, text, client]);

  const go = (href: string) => {
    setOpen(false);
    setText('');
    router.push(href);
  };
  const needle = text.trim().toLowerCase();
  const clusters = (result?.clusters ?? []).filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.displayName.toLowerCase().includes(needle));
  const pages = PAGES.filter((p) => !needle || p.label.toLowerCase().includes(needle));
  const doable = actions.filter((a) => !needle || a.label.toLowerCase().includes(needle) || needle.split(/\s+/).every((w) => a.label.toLowerCase().includes(w)));

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <Dialog.Content className="fixed top-[15vh] left-1/2 z-50 w-[min(640px,92vw)] -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-surface shadow-2xl" aria-describedby={undefined}>
            <Dialog.Title className="sr-only">Jump to a service, cluster or page</Dialog.Title>
            <Command shouldFilter={false} label="Search services, clusters and pages">
              <div className="flex items-center gap-2 border-b border-border px-3">
                <Search aria-hidden className="size-4 text-muted" />
                <Command.Input value={text} onValueChange={setText} placeholder="Search services in every cluster by name, namespace, label or host…" aria-label="Search services, clusters and pages" className="h-11 flex-1 bg-transparent text-sm text-text outline-none placeholder:text-faint" />
              </div>
              <Command.List className="max-h-[60vh] overflow-y-auto p-1.5">
                <Command.Empty className="px-3 py-6 text-center text-sm text-muted">{loading ? 'Searching…' : `Nothing matches “${text}”. The catalog searches names, namespaces, labels and ingress hosts.`}</Command.Empty>
                {result && result.services.nodes.length > 0 && (
                  <Command.Group heading={`Services (${result.services.totalCount})`} className={groupClass}>
                    {result.services.nodes.map((s) => (
                      <Command.Item key={s.id} value={s.id} onSelect={() => go(routes.service(s.cluster, s.namespace, s.name))} className={itemClass}>
                        <Boxes aria-hidden className="size-4 text-muted" />
                        <span className="font-medium">{s.name}</span>
                        <span className="truncate text-xs text-muted">
                          {s.cluster} / {s.namespace} · {serviceKindLabel(s)}
                        </span>
                        <StatusBadge status={s.health} className="ml-auto" />
                      </Command.Item>
                    ))}
                    {result.services.totalCount > result.services.nodes.length && (
                      <Command.Item value="all-results" onSelect={() => go(routes.catalog({ q: text.trim() }))} className={itemClass}>
                        <Search aria-hidden className="size-4 text-muted" />
                        All {result.services.totalCount} matching services in the catalog
                      </Command.Item>
                    )}
                  </Command.Group>
                )}
                {clusters.length > 0 && (
                  <Command.Group heading="Clusters" className={groupClass}>
                    {clusters.map((c) => (
                      <Command.Item key={c.name} value={`cluster:${c.name}`} onSelect={() => go(routes.catalog({ cluster: c.name }))} className={itemClass}>
                        <Server aria-hidden className="size-4 text-muted" />
                        <span className="font-medium">{c.displayName}</span>
                        <span className="text-xs text-muted">services of {c.name}</span>
                        <StatusBadge status={c.status} className="ml-auto" />
                      </Command.Item>
                    ))}
                  </Command.Group>
                )}
                {doable.length > 0 && (
                  <Command.Group heading="Actions" className={groupClass}>
                    {doable.map((a) => (
                      <Command.Item key={a.href} value={`action:${a.href}`} onSelect={() => go(a.href)} className={itemClass}>
                        <Plus aria-hidden className="size-4 text-muted" />
                        {a.label}
                      </Command.Item>
                    ))}
                  </Command.Group>
                )}
                {pages.length > 0 && (
                  <Command.Group heading="Go to" className={groupClass}>
                    {pages.map((p) => (
                      <Command.Item key={p.href} value={`page:${p.href}`} onSelect={() => go(p.href)} className={itemClass}>
                        {p.label}
                      </Command.Item>
                    ))}
                  </Command.Group>
                )}
              </Command.List>
            </Command>
          </Dialog.Content>
        </Dialog.Portal>
    </Dialog.Root>
  );
}
