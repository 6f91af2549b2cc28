'use client';

import { useCallback, useState } from 'react';
import { Card, CardHeader } from '../../components/ui/card';
import { Field, TextInput } from '../../components/ui/field';
import { cn } from '../../lib/cn';
import { KIND_HINT, KINDS, type Kind, messageFor, type ServiceForm } from './form-model';
import { PairRows } from './pair-rows';
import { PortRows } from './port-rows';
import { SelectorSection } from './selector-section';

/** Which messages to show: a field's once it was left or changed, all of them once the user tried to go on. */
export function useShownIssues() {
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [all, setAll] = useState(false);
  const touch = useCallback((path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))), []);
  const shown = useCallback((path: string) => all || touched.has(path), [all, touched]);
  return { shown, touch, showAll: () => setAll(true), reset: () => (setAll(false), setTouched(new Set())) };
}

export type Shown = ReturnType<typeof useShownIssues>;

/**
 * The fields of a service (create and edit): name, kind, external name, selector with
 * the namespace's pod labels, ports, labels and annotations — each with its message
 * from k8s-model's validator (or the API's refusal) next to it.
 */
export function ServiceFields({
  form,
  onChange,
  issues,
  shown,
  cluster,
  namespace,
  nameLocked,
  kindNote,
}: {
  form: ServiceForm;
  onChange: (patch: Partial<ServiceForm>) => void;
  issues: readonly { field: string; message: string }[];
  shown: Shown;
  cluster: string;
  namespace: string;
  /** Edit: the name cannot change. */
  nameLocked?: boolean;
  /** Under the kind choice (edit: what changing it means). */
  kindNote?: React.ReactNode;
}) {
  const at = (field: string) => (shown.shown(field) ? messageFor(issues, field) : null);
  const selectorValid = !issues.some((i) => i.field.startsWith('selector'));
  const nodePorts = form.kind === 'NodePort' || form.kind === 'LoadBalancer';
  return (
    <>
      <Card aria-labelledby="svc-basics">
        <CardHeader id="svc-basics" title="Service" description="Its name and how it is reached." />
        <div className="flex flex-col gap-4 p-4">
          <Field label="Name" required hint="Lower-case letters, digits and '-', starting with a letter, at most 63 characters (DNS-1035 label)." error={at('name')}>
            {(w) => <TextInput wired={w} value={form.name} readOnly={nameLocked} onChange={(e) => (onChange({ name: e.target.value }), shown.touch('name'))} onBlur={() => shown.touch('name')} autoComplete="off" spellCheck={false} placeholder="web" className={cn('max-w-sm font-mono', nameLocked && 'bg-surface-2')} />}
          </Field>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-text">Kind</legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
              {KINDS.map((k) => (
                <label key={k} className={cn('flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm', form.kind === k ? 'border-accent bg-accent-soft' : 'border-border hover:border-border-strong')}>
                  <input type="radio" name="service-kind" value={k} checked={form.kind === k} onChange={() => onChange({ kind: k as Kind })} className="mt-0.5 accent-[var(--accent)]" />
                  <span>
                    <span className="font-medium text-text">{k}</span>
                    <span className="block text-xs text-muted">{KIND_HINT[k]}</span>
                  </span>
                </label>
              ))}
            </div>
            {at('headless') && <p className="text-xs text-bad" data-field-error>{at('headless')}</p>}
            {at('type') && <p className="text-xs text-bad" data-field-error>{at('type')}</p>}
            {kindNote}
          </fieldset>
          {form.kind === 'ExternalName' && (
            <Field label="External name" required hint="The DNS name the service is an alias for, e.g. db.example.com (a DNS-1123 subdomain)." error={at('externalName')}>
              {(w) => <TextInput wired={w} value={form.externalName} onChange={(e) => (onChange({ externalName: e.target.value }), shown.touch('externalName'))} onBlur={() => shown.touch('externalName')} autoComplete="off" spellCheck={false} placeholder="db.example.com" className="max-w-md font-mono" />}
            </Field>
          )}
        </div>
      </Card>

      {form.kind !== 'ExternalName' && (
        <Card aria-labelledby="svc-selector">
          <CardHeader id="svc-selector" title="Selector" description="The pods the service sends traffic to: every pod carrying all of these labels." />
          <div className="p-4">
            <SelectorSection cluster={cluster} namespace={namespace} rows={form.selector} onChange={(selector) => onChange({ selector })} issues={issues} shown={shown.shown} onTouch={shown.touch} selectorValid={selectorValid} />
          </div>
        </Card>
      )}

      {form.kind !== 'ExternalName' && (
        <Card aria-labelledby="svc-ports">
          <CardHeader
            id="svc-ports"
            title="Ports"
            description={nodePorts ? 'Each port also opens on every node: let the cluster allocate the node port, or choose one in 30000–32767.' : 'What the service listens on and where it forwards (target port: a number, or the name of a container port).'}
          />
          <div className="p-4">
            <PortRows rows={form.ports} onChange={(ports) => onChange({ ports })} nodePorts={nodePorts} issues={issues} shown={shown.shown} onTouch={shown.touch} />
          </div>
        </Card>
      )}

      <Card aria-labelledby="svc-meta">
        <CardHeader id="svc-meta" title="Labels and annotations" description="Optional metadata on the service itself." />
        <div className="grid grid-cols-1 gap-5 p-4 lg:grid-cols-2">
          <div className="flex flex-col gap-2">
            <h3 className="text-sm font-medium text-text">Labels</h3>
            <PairRows field="labels" noun="Label" rows={form.labels} onChange={(labels) => onChange({ labels })} issues={issues} shown={shown.shown} onTouch={shown.touch} keyPlaceholder="team" valuePlaceholder="payments" />
          </div>
          <div className="flex flex-col gap-2">
            <h3 className="text-sm font-medium text-text">Annotations</h3>
            <PairRows field="annotations" noun="Annotation" rows={form.annotations} onChange={(annotations) => onChange({ annotations })} issues={issues} shown={shown.shown} onTouch={shown.touch} keyPlaceholder="example.com/owner" valuePlaceholder="payments-team" />
          </div>
        </div>
      </Card>
    </>
  );
}
