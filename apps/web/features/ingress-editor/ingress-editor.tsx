'use client';

import { Plus, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { Field, issueFor, SelectInput, TextInput } from '../../components/ui/field';
import { EmptyState } from '../../components/ui/states';
import type { CreateIngressMutation as CreateIngressResult, IngressEditorContextQuery, PathType } from '../../lib/graphql/generated/graphql';
import { useMutate } from '../../lib/graphql/mutate';
import { routes } from '../../lib/routes';
import { useMe } from '../access/me-context';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import { YamlLineTokens } from '../object/yaml-line';
import { yamlTokens } from '../object/yaml-tokens';
import { outcomeOf } from '../expose/outcome';
import { createVariables, emptyPath, emptyRule, emptyTls, type IngressFormState, ingressIssues, ingressYaml, type PathRow, type RuleRow, type TlsRow, updateVariables } from './ingress-form';
import { CreateIngressMutation, UpdateIngressMutation } from './queries';
import { useGuardedReview } from '../expose/use-guarded-review';

type Context = IngressEditorContextQuery;
const PATH_TYPES: PathType[] = ['Prefix', 'Exact', 'ImplementationSpecific'];

/**
 * Create or edit an ingress without YAML: rules and paths as rows (host, path, type →
 * a service of the namespace and one of its ports), TLS entries, the class. k8s-model's
 * rules check every field as you type; the YAML that will be applied is shown beside;
 * "Review" runs the cluster's dry run (diff, URLs), then the change is applied.
 */
export function IngressEditor({ cluster, namespace, context, initial, editing }: { cluster: string; namespace: string; context: Context; initial: IngressFormState; editing?: string }) {
  const router = useRouter();
  const mutate = useMutate();
  const { permissions } = useMe();
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const services = context.services.nodes;
  const change = useChange<CreateIngressResult['createIngress']>({
    run: (r) =>
      editing
        ? mutate(UpdateIngressMutation, { cluster, namespace, name: editing, input: updateVariables(form), ...r }).then((a) => (a.ok ? { ok: true as const, data: a.data.updateIngress } : a))
        : mutate(CreateIngressMutation, { cluster, namespace, input: createVariables(form), ...r }).then((a) => (a.ok ? { ok: true as const, data: a.data.createIngress } : a)),
    outcomeOf: (d) => {
      const name = editing ?? form.name.trim();
      return { ...outcomeOf({ ...d, service: d.ingress }), link: { href: routes.ingress(cluster, namespace, name), label: `Open ingress ${name}` } };
    },
  });
  const issues = useMemo(() => ingressIssues(form), [form]);
  const guard = useGuardedReview(issues.length > 0, formRef);
  const errorOf = (field: string) => issueFor(change.fieldIssues, field) ?? (guard.submitted || touched.has(field) ? issueFor(issues, field) : null);
  /** A TLS row's hosts field carries the messages of each of its hosts. */
  const hostsError = (k: number) => {
    const prefix = `tls[${k}].hosts`;
    const hit = [...change.fieldIssues, ...(guard.submitted || touched.has(prefix) ? issues : [])].find((i) => i.field === prefix || i.field.startsWith(`${prefix}[`));
    return hit?.message ?? null;
  };

  const update = (field: string, fn: (f: IngressFormState) => IngressFormState) => {
    setForm(fn);
    setTouched((t) => new Set(t).add(field));
    if (change.phase !== 'editing' || change.problem) change.edit();
  };
  const setRule = (i: number, field: string, patch: Partial<RuleRow>) => update(field, (f) => ({ ...f, rules: f.rules.map((r, n) => (n === i ? { ...r, ...patch } : r)) }));
  const setPath = (i: number, j: number, field: string, patch: Partial<PathRow>) =>
    update(field, (f) => ({ ...f, rules: f.rules.map((r, n) => (n === i ? { ...r, paths: r.paths.map((p, m) => (m === j ? { ...p, ...patch } : p)) } : r)) }));
  const setTls = (k: number, field: string, patch: Partial<TlsRow>) => update(field, (f) => ({ ...f, tls: f.tls.map((t, n) => (n === k ? { ...t, ...patch } : t)) }));
  const firstBackend = () => {
    const s = services[0];
    return [s?.name ?? '', s?.ports[0] ? String(s.ports[0].port) : ''] as const;
  };

  if (!permissions.canChange(cluster, namespace)) {
    return (
      <Card>
        <EmptyState title="You cannot change ingresses here">Your role or grants do not cover namespace {namespace} of cluster {cluster}. Ask an admin for a grant.</EmptyState>
      </Card>
    );
  }

  const yaml = yamlTokens(ingressYaml(form, namespace));
  const editable = change.phase === 'editing' || change.phase === 'reviewing';

  return (
    <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_420px]">
      <div className="flex min-w-0 flex-col gap-5">
        <form ref={formRef} noValidate aria-label={editing ? `Edit ingress ${editing}` : 'New ingress'} onSubmit={guard.onSubmit(() => void change.review())} className="flex flex-col gap-5">
          <fieldset disabled={!editable} className="flex min-w-0 flex-col gap-5">
            <Card aria-labelledby="ing-basics">
              <CardHeader id="ing-basics" title="Ingress" description={`In namespace ${namespace} of cluster ${cluster}.`} />
              <div className="grid grid-cols-1 gap-4 px-4 py-3 sm:grid-cols-2">
                <Field label="Name" hint="A DNS subdomain: lowercase letters, digits, - and ." error={errorOf('name')} required>
                  {(w) => <TextInput wired={w} value={form.name} readOnly={!!editing} autoComplete="off" spellCheck={false} onChange={(e) => update('name', (f) => ({ ...f, name: e.target.value }))} />}
                </Field>
                <Field label="Ingress class" hint="The classes this cluster’s ingresses use." error={errorOf('ingressClassName')}>
                  {(w) => (
                    <SelectInput wired={w} value={form.ingressClassName} onChange={(e) => update('ingressClassName', (f) => ({ ...f, ingressClassName: e.target.value }))}>
                      <option value="">None (the cluster’s default class)</option>
                      {context.ingressClasses.map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name} ({c.ingressCount} ingress{c.ingressCount === 1 ? '' : 'es'})
                        </option>
                      ))}
                      {form.ingressClassName && !context.ingressClasses.some((c) => c.name === form.ingressClassName) && <option value={form.ingressClassName}>{form.ingressClassName}</option>}
                    </SelectInput>
                  )}
                </Field>
              </div>
            </Card>

            <Card aria-labelledby="ing-rules">
              <CardHeader
                id="ing-rules"
                title="Rules"
                description="Each host and path, and the service port it forwards to. An empty host matches any host (the ingress address)."
                actions={
                  <Button size="sm" onClick={() => update('rules', (f) => ({ ...f, rules: [...f.rules, emptyRule(...firstBackend())] }))}>
                    <Plus aria-hidden className="size-3.5" />
                    Add rule
                  </Button>
                }
              />
              {errorOf('rules') && <p className="px-4 pt-3 text-xs text-bad">{errorOf('rules')}</p>}
              <ol className="divide-y divide-border">
                {form.rules.map((r, i) => (
                  <li key={r.key} className="flex flex-col gap-3 px-4 py-3" data-testid="rule-row" aria-label={`Rule ${i + 1}`}>
                    <div className="flex items-end gap-2">
                      <Field className="flex-1" label={<>Host<span className="sr-only"> of rule {i + 1}</span></>} error={errorOf(`rules[${i}].host`)}>
                        {(w) => <TextInput wired={w} value={r.host} autoComplete="off" spellCheck={false} placeholder="any host" onChange={(e) => setRule(i, `rules[${i}].host`, { host: e.target.value })} />}
                      </Field>
                      <Button variant="ghost" size="icon" aria-label={`Remove rule ${i + 1}`} disabled={form.rules.length === 1} onClick={() => update('rules', (f) => ({ ...f, rules: f.rules.filter((_, n) => n !== i) }))}>
                        <Trash2 aria-hidden className="size-4" />
                      </Button>
                    </div>
                    {errorOf(`rules[${i}].paths`) && <p className="text-xs text-bad">{errorOf(`rules[${i}].paths`)}</p>}
                    <ul className="flex flex-col gap-2 border-l-2 border-border pl-3">
                      {r.paths.map((p, j) => {
                        const f = `rules[${i}].paths[${j}]`;
                        const ports = services.find((s) => s.name === p.service)?.ports ?? [];
                        const where = (
                          <span className="sr-only">
                            {' '}
                            (rule {i + 1}, path {j + 1})
                          </span>
                        );
                        return (
                          <li key={p.key} className="grid grid-cols-1 items-start gap-2 sm:grid-cols-[minmax(0,1.2fr)_150px_minmax(0,1fr)_130px_auto]" data-testid="path-row">
                            <Field label={<>Path{where}</>} error={errorOf(`${f}.path`)}>
                              {(w) => <TextInput wired={w} value={p.path} autoComplete="off" spellCheck={false} onChange={(e) => setPath(i, j, `${f}.path`, { path: e.target.value })} />}
                            </Field>
                            <Field label={<>Path type{where}</>} error={errorOf(`${f}.pathType`)}>
                              {(w) => (
                                <SelectInput wired={w} value={p.pathType} onChange={(e) => setPath(i, j, `${f}.pathType`, { pathType: e.target.value as PathType })}>
                                  {PATH_TYPES.map((t) => (
                                    <option key={t}>{t}</option>
                                  ))}
                                </SelectInput>
                              )}
                            </Field>
                            <Field label={<>Service{where}</>} error={errorOf(`${f}.service`)}>
                              {(w) => (
                                <SelectInput
                                  wired={w}
                                  value={p.service}
                                  onChange={(e) => {
                                    const svc = services.find((s) => s.name === e.target.value);
                                    setPath(i, j, `${f}.service`, { service: e.target.value, port: svc?.ports[0] ? String(svc.ports[0].port) : '' });
                                  }}
                                >
                                  <option value="">Choose a service…</option>
                                  {services.map((s) => (
                                    <option key={s.id} value={s.name}>
                                      {s.name}
                                    </option>
                                  ))}
                                  {p.service && !services.some((s) => s.name === p.service) && <option value={p.service}>{p.service} (not in the catalog)</option>}
                                </SelectInput>
                              )}
                            </Field>
                            <Field label={<>Port{where}</>} error={errorOf(`${f}.port`)}>
                              {(w) => (
                                <SelectInput wired={w} value={p.port} onChange={(e) => setPath(i, j, `${f}.port`, { port: e.target.value })}>
                                  <option value="">Port…</option>
                                  {ports.map((sp) => (
                                    <option key={`${sp.port}/${sp.protocol}`} value={String(sp.port)}>
                                      {sp.port}
                                      {sp.name ? ` (${sp.name})` : ''}
                                    </option>
                                  ))}
                                  {p.port && !ports.some((sp) => String(sp.port) === p.port || sp.name === p.port) && <option value={p.port}>{p.port}</option>}
                                </SelectInput>
                              )}
                            </Field>
                            <div className="flex h-full items-end pb-0.5">
                              <Button variant="ghost" size="icon" aria-label={`Remove path ${j + 1} of rule ${i + 1}`} disabled={r.paths.length === 1} onClick={() => setRule(i, `rules[${i}].paths`, { paths: r.paths.filter((_, m) => m !== j) })}>
                                <Trash2 aria-hidden className="size-4" />
                              </Button>
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                    <div>
                      <Button size="sm" variant="ghost" onClick={() => setRule(i, `rules[${i}].paths`, { paths: [...r.paths, emptyPath(...firstBackend())] })}>
                        <Plus aria-hidden className="size-3.5" />
                        Add path<span className="sr-only"> to rule {i + 1}</span>
                      </Button>
                    </div>
                  </li>
                ))}
              </ol>
              {services.length === 0 && <p className="px-4 pb-3 text-xs text-muted">The catalog has no service in {namespace}: create one first, then route to it.</p>}
            </Card>

            <Card aria-labelledby="ing-tls">
              <CardHeader
                id="ing-tls"
                title="TLS"
                description="HTTPS for some hosts, with the certificate in a kubernetes.io/tls secret of this namespace. Each host must appear in a rule."
                actions={
                  <Button size="sm" onClick={() => update('tls', (f) => ({ ...f, tls: [...f.tls, { ...emptyTls(), hosts: f.rules.map((r) => r.host.trim()).filter(Boolean).join(', ') }] }))}>
                    <Plus aria-hidden className="size-3.5" />
                    Add TLS entry
                  </Button>
                }
              />
              {form.tls.length === 0 ? (
                <p className="px-4 py-3 text-sm text-muted">None: every host is served over plain HTTP.</p>
              ) : (
                <ul className="divide-y divide-border">
                  {form.tls.map((t, k) => (
                    <li key={t.key} className="grid grid-cols-1 items-start gap-2 px-4 py-3 sm:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto]" data-testid="tls-row">
                      <Field label={<>Hosts<span className="sr-only"> of TLS entry {k + 1}</span></>} hint="Comma-separated." error={hostsError(k)}>
                        {(w) => <TextInput wired={w} value={t.hosts} autoComplete="off" spellCheck={false} onChange={(e) => setTls(k, `tls[${k}].hosts`, { hosts: e.target.value })} />}
                      </Field>
                      <Field label={<>Secret name<span className="sr-only"> of TLS entry {k + 1}</span></>} hint="Empty: the controller’s default certificate." error={errorOf(`tls[${k}].secretName`)}>
                        {(w) => <TextInput wired={w} value={t.secretName} autoComplete="off" spellCheck={false} onChange={(e) => setTls(k, `tls[${k}].secretName`, { secretName: e.target.value })} />}
                      </Field>
                      <div className="flex h-full items-end pb-0.5">
                        <Button variant="ghost" size="icon" aria-label={`Remove TLS entry ${k + 1}`} onClick={() => update('tls', (f) => ({ ...f, tls: f.tls.filter((_, n) => n !== k) }))}>
                          <Trash2 aria-hidden className="size-4" />
                        </Button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </fieldset>
          <button type="submit" hidden tabIndex={-1} aria-hidden />
        </form>

        <div onClickCapture={guard.onClickCapture} className="flex flex-col gap-2">
          {guard.submitted && issues.length > 0 && (
            <p role="alert" className="text-sm text-bad">
              Fix the {issues.length === 1 ? 'field' : `${issues.length} fields`} marked above: nothing was sent.
            </p>
          )}
          <ChangeFlow
            change={change}
            applyLabel={editing ? 'Apply changes' : 'Create ingress'}
            doneTitle={editing ? `Ingress ${editing} changed` : `Ingress ${form.name.trim()} created`}
            ready
            canForce={permissions.canForce}
            onCancel={change.phase === 'done' ? undefined : () => router.push(editing ? routes.ingress(cluster, namespace, editing) : routes.catalog({ cluster, namespace }))}
            doneActions={
              <Link href={routes.catalog({ cluster, namespace })} className="text-sm">
                Back to namespace {namespace}
              </Link>
            }
          />
        </div>
      </div>

      <Card aria-labelledby="ing-yaml" className="xl:sticky xl:top-4" data-testid="yaml-preview">
        <CardHeader id="ing-yaml" title="YAML preview" description="The manifest that will be applied (server-side apply, field manager switchboard), updated as you type." />
        <pre className="max-h-[70vh] overflow-auto px-4 py-3 font-mono text-xs leading-5" aria-label="Manifest YAML" tabIndex={0}>
          {yaml.map((line, n) => (
            <div key={n}>
              <YamlLineTokens tokens={line} />
            </div>
          ))}
        </pre>
      </Card>
    </div>
  );
}
