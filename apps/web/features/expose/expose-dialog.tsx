'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Button } from '../../components/ui/button';
import { Modal } from '../../components/ui/dialog';
import { CheckboxField, Field, issueFor, SelectInput, TextInput } from '../../components/ui/field';
import type { ExposeVia, PathType } from '../../lib/graphql/generated/graphql';
import { useMutate } from '../../lib/graphql/mutate';
import { useMe } from '../access/me-context';
import { ChangeFlow } from '../change/change-flow';
import { useChange } from '../change/use-change';
import { type ExposeFormState, exposeIssues, type ExposeTarget, exposeVariables, initialExposeState } from './expose-form';
import { outcomeOf } from './outcome';
import { ExposeIngressClassesQuery, ExposeServiceMutation } from './queries';
import { useGuardedReview } from './use-guarded-review';

/** The form's fields, by the names the API's field details use. */
const FIELDS = ['via', 'port', 'nodePort', 'host', 'path', 'pathType', 'ingressClassName', 'tls.secretName'];
const FIELD_OF_KEY: Partial<Record<keyof ExposeFormState, string>> = { secretName: 'tls.secretName', tls: 'host' };

const VIA_CHOICES: { via: ExposeVia; label: string; hint: string }[] = [
  { via: 'INGRESS', label: 'Ingress', hint: 'A host and path on the cluster’s ingress controller (HTTP/HTTPS).' },
  { via: 'NODE_PORT', label: 'Node port', hint: 'A port on every node (type NodePort).' },
  { via: 'LOAD_BALANCER', label: 'Load balancer', hint: 'An address from the cluster’s load-balancer controller (type LoadBalancer).' },
];
const PATH_TYPES: PathType[] = ['Prefix', 'Exact', 'ImplementationSpecific'];

/** Why a service cannot use a `via` at all (k8s-model says the same when asked). */
function viaBlocked(s: ExposeTarget, via: ExposeVia): string | null {
  if (via === 'INGRESS') return null;
  if (s.type === 'ExternalName') return 'An ExternalName service has no cluster IP or node ports.';
  if (s.headless) return 'A headless service has no cluster IP: recreate it with one first.';
  return null;
}

/**
 * Expose a service: the way (ingress, node port, load balancer) and its settings,
 * checked with k8s-model's rules as you type; "Review" runs the API's dry run and shows
 * the diff and the URLs it will have; "Expose" applies it and shows the new URLs.
 */
export function ExposeDialog({ service: s, open, onOpenChange }: { service: ExposeTarget; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const mutate = useMutate();
  const { permissions } = useMe();
  const [form, setForm] = useState<ExposeFormState>(() => initialExposeState(s));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const [classes] = useQuery({ query: ExposeIngressClassesQuery, variables: { cluster: s.cluster }, pause: !open || form.via !== 'INGRESS' });
  const change = useChange({
    run: (r) => mutate(ExposeServiceMutation, { cluster: s.cluster, namespace: s.namespace, name: s.name, input: exposeVariables(form), ...r }),
    outcomeOf: (d) => outcomeOf(d.exposeService),
    fieldOf: (f) => (FIELDS.includes(f) ? f : null),
  });

  const issues = useMemo(() => exposeIssues(form, s), [form, s]);
  const guard = useGuardedReview(issues.length > 0, formRef);
  const submitted = guard.submitted;
  // Messages of fields you have left (or of every field once you asked for a review), and the API's.
  const errorOf = (field: string) => issueFor(change.fieldIssues, field) ?? (submitted || touched.has(field) ? issueFor(issues, field) : null);
  const set = <K extends keyof ExposeFormState>(k: K, v: ExposeFormState[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // Live: a field's message shows as soon as it is typed in (TLS makes the host required).
    setTouched((t) => new Set(t).add(FIELD_OF_KEY[k] ?? k));
    if (change.phase !== 'editing' || change.problem) change.edit();
  };
  const touch = (field: string) => () => setTouched((t) => new Set(t).add(field));

  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) {
      if (change.phase === 'done') router.refresh();
      setForm(initialExposeState(s));
      setTouched(new Set());
      guard.reset();
      change.edit();
    }
  };

  const ingress = form.via === 'INGRESS';
  const portChoices = s.ports.map((p) => ({ value: String(p.port), label: `${p.port}${p.name ? ` (${p.name})` : ''}/${p.protocol}` }));
  const editing = change.phase === 'editing' || change.phase === 'reviewing';

  return (
    <Modal open={open} onOpenChange={close} title={`Expose service ${s.name}`} description={`Make ${s.namespace}/${s.name} in cluster ${s.cluster} reachable from outside the cluster.`} wide={!editing}>
      {editing && (
        <form ref={formRef} noValidate onSubmit={guard.onSubmit(() => void change.review())} className="mb-4 flex flex-col gap-4" aria-label={`Expose ${s.name}`}>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-text">Expose through</legend>
            {VIA_CHOICES.map((c) => {
              const blocked = viaBlocked(s, c.via);
              return (
                <label key={c.via} className="flex items-start gap-2 text-sm">
                  <input type="radio" name="via" className="mt-1 accent-[var(--accent)]" value={c.via} checked={form.via === c.via} disabled={!!blocked} onChange={() => set('via', c.via)} />
                  <span>
                    <span className="font-medium text-text">{c.label}</span>
                    <span className="block text-xs text-muted">{blocked ?? c.hint}</span>
                  </span>
                </label>
              );
            })}
            {errorOf('via') && <p className="text-xs text-bad">{errorOf('via')}</p>}
          </fieldset>

          {portChoices.length > 0 && (
            <Field label="Service port" hint="The port of the service to expose." error={errorOf('port')}>
              {(w) => (
                <SelectInput wired={w} value={form.port} onChange={(e) => set('port', e.target.value)}>
                  {portChoices.map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
                </SelectInput>
              )}
            </Field>
          )}

          {!ingress && (
            <Field label="Node port" hint="Optional: 30000–32767. Leave empty and the cluster picks a free one." error={errorOf('nodePort')}>
              {(w) => <TextInput wired={w} inputMode="numeric" value={form.nodePort} onChange={(e) => set('nodePort', e.target.value)} onBlur={touch('nodePort')} placeholder="auto" />}
            </Field>
          )}

          {ingress && (
            <>
              <Field label="Host" hint="A DNS name, e.g. shop.example.com. Empty: any host (the ingress address)." error={errorOf('host')} required={form.tls}>
                {(w) => <TextInput wired={w} value={form.host} autoComplete="off" spellCheck={false} onChange={(e) => set('host', e.target.value)} onBlur={touch('host')} placeholder="shop.example.com" />}
              </Field>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_200px]">
                <Field label="Path" hint="Starts with /." error={errorOf('path')}>
                  {(w) => <TextInput wired={w} value={form.path} autoComplete="off" spellCheck={false} onChange={(e) => set('path', e.target.value)} onBlur={touch('path')} />}
                </Field>
                <Field label="Path type" error={errorOf('pathType')}>
                  {(w) => (
                    <SelectInput wired={w} value={form.pathType} onChange={(e) => set('pathType', e.target.value as PathType)}>
                      {PATH_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </SelectInput>
                  )}
                </Field>
              </div>
              <Field
                label="Ingress class"
                hint={classes.fetching ? 'Loading the classes this cluster’s ingresses use…' : classes.error ? 'The classes in use could not be loaded; the cluster’s default class is used.' : 'The classes this cluster’s ingresses use.'}
                error={errorOf('ingressClassName')}
              >
                {(w) => (
                  <SelectInput wired={w} value={form.ingressClassName} onChange={(e) => set('ingressClassName', e.target.value)}>
                    <option value="">None (the cluster’s default class)</option>
                    {(classes.data?.ingressClasses ?? []).map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name} ({c.ingressCount} ingress{c.ingressCount === 1 ? '' : 'es'})
                      </option>
                    ))}
                  </SelectInput>
                )}
              </Field>
              <CheckboxField label="Serve HTTPS (TLS)" hint="The ingress controller terminates TLS with the certificate in a secret of this namespace." checked={form.tls} onChange={(v) => set('tls', v)} />
              {form.tls && (
                <Field label="TLS secret name" hint="A kubernetes.io/tls secret in this namespace." error={errorOf('tls.secretName')} required>
                  {(w) => <TextInput wired={w} value={form.secretName} autoComplete="off" spellCheck={false} onChange={(e) => set('secretName', e.target.value)} onBlur={touch('tls.secretName')} placeholder={`${s.name}-tls`} />}
                </Field>
              )}
            </>
          )}
          {submitted && issues.length > 0 && (
            <p role="alert" className="text-sm text-bad">
              Fix the {issues.length === 1 ? 'field' : `${issues.length} fields`} marked above: nothing was sent.
            </p>
          )}
          {/* Enter submits: the flow's own Review button sits below, outside the form. */}
          <button type="submit" hidden tabIndex={-1} aria-hidden />
        </form>
      )}
      <div onClickCapture={guard.onClickCapture}>
        <ChangeFlow
          change={change}
          applyLabel="Expose"
          doneTitle={`Service ${s.name} exposed`}
          ready
          canForce={permissions.canForce}
          onCancel={change.phase === 'done' ? undefined : () => close(false)}
          doneActions={
            <Button variant="primary" onClick={() => close(false)}>
              Done
            </Button>
          }
        />
      </div>

    </Modal>
  );
}
