'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { Field, SelectInput } from '../../components/ui/field';
import { EmptyState } from '../../components/ui/states';
import { useMutate } from '../../lib/graphql/mutate';
import type { ServiceFormTargetsQuery } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import { emptyForm, formIssues, manifestYaml, messageFor, type ServiceForm, toGraphqlInput, toServiceInput } from './form-model';
import { CreateServiceMutation } from './queries';
import { ServiceFields, useShownIssues } from './service-fields';
import { YamlPreview } from './yaml-preview';
import { plannedUrls } from './planned-urls';

type Targets = ServiceFormTargetsQuery;

/**
 * Create a service of any kind, in a namespace the user's grants let them change:
 * live validation (k8s-model's), the manifest as it will be applied, the cluster's dry
 * run with its diff and future URLs, then the create under one idempotency key.
 */
export function CreateServiceForm({ targets, initialCluster, initialNamespace }: { targets: Targets; initialCluster?: string; initialNamespace?: string }) {
  const { permissions } = useMe();
  const mutate = useMutate();
  // Only namespaces the grants cover are offered: an operator of team-a sees team-a only.
  const allowed = useMemo(() => targets.namespaces.filter((n) => permissions.canChange(n.cluster, n.name)), [targets, permissions]);
  const clusters = targets.clusters.filter((c) => allowed.some((n) => n.cluster === c.name));
  const startCluster = clusters.find((c) => c.name === initialCluster)?.name ?? clusters[0]?.name ?? '';
  const [cluster, setCluster] = useState(startCluster);
  const inCluster = allowed.filter((n) => n.cluster === cluster);
  const [namespace, setNamespace] = useState(() => (inCluster.find((n) => n.name === initialNamespace) ?? inCluster[0])?.name ?? '');
  const [form, setForm] = useState<ServiceForm>(emptyForm);
  const shown = useShownIssues();

  const input = toServiceInput(form);
  const change = useChange({
    run: (r) => mutate(CreateServiceMutation, { cluster, namespace, input: toGraphqlInput(input), ...r }),
    outcomeOf: (d) => {
      const o = d.createService;
      return { ...o, urls: o.dryRun ? plannedUrls(o.changes, input.name) : (o.service?.accessUrls ?? []), link: { href: routes.service(cluster, namespace, input.name), label: `Open the page of ${input.name}` } };
    },
  });
  const issues = [...formIssues(form), ...(namespace ? [] : [{ field: 'namespace', rule: 'required' as const, message: 'namespace: pick one your grants cover' }]), ...change.fieldIssues];
  const ready = issues.length === 0;

  const update = (patch: Partial<ServiceForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    if (change.phase !== 'editing' || change.problem) change.edit();
  };
  const pickCluster = (c: string) => {
    setCluster(c);
    setNamespace(allowed.find((n) => n.cluster === c)?.name ?? '');
    change.edit();
  };

  if (allowed.length === 0) {
    return (
      <EmptyState title="You cannot create services" action={<Link href={routes.catalog()}>Back to the catalog</Link>}>
        Your role or grants do not let you change any namespace. An admin can grant you one.
      </EmptyState>
    );
  }

  if (change.phase === 'done' && change.result) {
    return (
      <Card className="max-w-3xl p-5">
        <ChangeFlow
          change={change}
          applyLabel="Create service"
          doneTitle={`Service ${namespace}/${input.name} created in ${cluster}`}
          ready
          canForce={permissions.canForce}
          doneActions={
            <Button
              onClick={() => {
                setForm(emptyForm());
                shown.reset();
                change.edit();
              }}
            >
              Create another service
            </Button>
          }
        />
      </Card>
    );
  }

  return (
    <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_360px]">
      <form
        className="flex min-w-0 flex-col gap-5"
        aria-label="New service"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void change.review();
          else shown.showAll();
        }}
      >
        <Card aria-labelledby="svc-where">
          <CardHeader id="svc-where" title="Where" description="Only the namespaces your grants let you change are offered." />
          <div className="grid grid-cols-1 gap-4 p-4 sm:grid-cols-2">
            <Field label="Cluster" required>
              {(w) => (
                <SelectInput wired={w} value={cluster} onChange={(e) => pickCluster(e.target.value)}>
                  {clusters.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.displayName === c.name ? c.name : `${c.displayName} (${c.name})`}
                    </option>
                  ))}
                </SelectInput>
              )}
            </Field>
            <Field label="Namespace" required error={shown.shown('namespace') ? messageFor(issues, 'namespace') : null} hint={`${inCluster.length} namespace${inCluster.length === 1 ? '' : 's'} you may change in this cluster.`}>
              {(w) => (
                <SelectInput
                  wired={w}
                  value={namespace}
                  onChange={(e) => {
                    setNamespace(e.target.value);
                    change.edit();
                  }}
                >
                  {inCluster.map((n) => (
                    <option key={n.name} value={n.name}>
                      {n.name} ({n.podCount} pod{n.podCount === 1 ? '' : 's'})
                    </option>
                  ))}
                </SelectInput>
              )}
            </Field>
          </div>
        </Card>
        <ServiceFields form={form} onChange={update} issues={issues} shown={shown} cluster={cluster} namespace={namespace} />
        <Card className="p-4" aria-label="Review and create">
          <ChangeFlow change={change} applyLabel="Create service" doneTitle="" ready={ready} canForce={permissions.canForce} onBlocked={shown.showAll} />
        </Card>
      </form>
      <div className="xl:sticky xl:top-4">
        <YamlPreview yaml={manifestYaml(form, namespace)} valid={ready} />
      </div>
    </div>
  );
}
