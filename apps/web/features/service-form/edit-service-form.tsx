'use client';

import { serviceChangeConsequences, type ServiceInput, validateServiceUpdate } from '@switchboard/k8s-model';
import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Card } from '../../components/ui/card';
import { useMutate } from '../../lib/graphql/mutate';
import type { ServiceEditQuery, UpdateServiceInput } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import { emptyPair, formIssues, type Kind, manifestYaml, type PortRow, rowKey, type ServiceForm, toGraphqlInput, toServiceInput } from './form-model';
import { UpdateServiceMutation } from './queries';
import { ServiceFields, useShownIssues } from './service-fields';
import { YamlPreview } from './yaml-preview';
import { plannedUrls } from './planned-urls';

type Current = ServiceEditQuery['service'];

const toMap = (kv: readonly { key: string; value: string }[] | null | undefined) => (kv?.length ? Object.fromEntries(kv.map((p) => [p.key, p.value])) : null);

/** The service as it is, in the form's terms (node ports shown as chosen: they stay unless changed). */
function formOf(s: Current): ServiceForm {
  const kind: Kind = s.headless ? 'Headless' : (s.type as Kind);
  return {
    name: s.name,
    kind,
    externalName: s.externalName ?? '',
    selector: s.selector?.length ? s.selector.map((p) => emptyPair(p.key, p.value)) : [emptyPair()],
    ports: s.ports.map(
      (p): PortRow => ({ key: rowKey(), name: p.name, port: String(p.port), targetPort: p.targetPort === String(p.port) ? '' : p.targetPort, protocol: p.protocol, appProtocol: p.appProtocol ?? '', nodePortMode: p.nodePort ? 'fixed' : 'auto', nodePort: p.nodePort ? String(p.nodePort) : '' }),
    ),
    labels: s.labels.map((p) => emptyPair(p.key, p.value)),
    annotations: s.annotations.filter((a) => a.key !== 'kubectl.kubernetes.io/last-applied-configuration').map((p) => emptyPair(p.key, p.value)),
  };
}

/** The full desired state as the update input: every field sent, so what the form shows is what the service becomes. */
function updateInput(i: ServiceInput, resourceVersion: string): UpdateServiceInput {
  const { name: _name, ...rest } = toGraphqlInput(i);
  return { ...rest, headless: i.headless ?? false, externalName: i.externalName ?? null, ...(i.type === 'ExternalName' ? { ports: null, selector: null } : {}), resourceVersion };
}

/**
 * Change a service's ports, selector, labels, annotations or kind: what the change
 * means is spelled out before the dry run (k8s-model's consequences), the dry run
 * shows the diff, and a field another manager owns is named with "Take over" for
 * roles allowed to force.
 */
export function EditServiceForm({ service }: { service: Current }) {
  const { permissions } = useMe();
  const mutate = useMutate();
  const [form, setForm] = useState<ServiceForm>(() => formOf(service));
  const shown = useShownIssues();
  const { cluster, namespace, name } = service;
  const input = toServiceInput(form);

  const change = useChange({
    run: (r) => mutate(UpdateServiceMutation, { cluster, namespace, name, input: updateInput(input, service.resourceVersion), ...r }),
    outcomeOf: (d) => {
      const o = d.updateService;
      return { ...o, urls: o.dryRun ? plannedUrls(o.changes, name) : (o.service?.accessUrls ?? []), link: { href: routes.service(cluster, namespace, name), label: `Back to the page of ${name}` } };
    },
  });
  const now = { type: service.type, headless: service.headless, clusterIp: service.clusterIP ?? null, selector: toMap(service.selector), ports: service.ports, loadBalancerIngress: service.loadBalancerIngress };
  const consequences = serviceChangeConsequences(now, input);
  const local = formIssues(form);
  const extra = validateServiceUpdate({ name, headless: service.headless, type: service.type }, input).filter((i) => !local.some((l) => l.field === i.field && l.message === i.message));
  const issues = [...local, ...extra, ...change.fieldIssues];
  const ready = issues.length === 0;

  const update = (patch: Partial<ServiceForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    if (change.phase !== 'editing' || change.problem) change.edit();
  };

  if (change.phase === 'done' && change.result) {
    return (
      <Card className="max-w-3xl p-5">
        <ChangeFlow change={change} applyLabel="Apply changes" doneTitle={`Service ${namespace}/${name} changed`} ready canForce={permissions.canForce} />
      </Card>
    );
  }

  const kindNote = consequences.length > 0 && (
    <ul className="mt-1 flex flex-col gap-1 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-text" aria-label="What this change means" data-testid="consequences">
      {consequences.map((c) => (
        <li key={c} className="flex items-start gap-2">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
          <span>{c.charAt(0).toUpperCase() + c.slice(1)}.</span>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_360px]">
      <form
        className="flex min-w-0 flex-col gap-5"
        aria-label={`Edit service ${name}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void change.review();
          else shown.showAll();
        }}
      >
        <ServiceFields form={form} onChange={update} issues={issues} shown={shown} cluster={cluster} namespace={namespace} nameLocked kindNote={kindNote} />
        <Card className="p-4" aria-label="Review and apply">
          <ChangeFlow change={change} applyLabel="Apply changes" doneTitle="" ready={ready} canForce={permissions.canForce} consequences={consequences.map((c) => c.charAt(0).toUpperCase() + c.slice(1) + '.')} onBlocked={shown.showAll} />
          <p className="mt-2 text-xs text-muted">
            <Link href={routes.service(cluster, namespace, name)}>Cancel and go back to {name}</Link>
          </p>
        </Card>
      </form>
      <div className="xl:sticky xl:top-4">
        <YamlPreview yaml={manifestYaml(form, namespace)} valid={ready} />
      </div>
    </div>
  );
}
