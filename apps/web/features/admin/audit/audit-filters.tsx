'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Button } from '../../../components/ui/button';
import { Field, SelectInput, TextInput } from '../../../components/ui/field';
import { AUDIT_FILTERS, AUDITED_ACTIONS, type AuditFilters, auditHref, OUTCOMES } from './audit-params';

/**
 * The filters land in the address (shareable; Back/Forward restore them). A GET form, so
 * it works before scripts load; with scripts, empty filters are left out of the address.
 */
export function AuditFilterForm({ filters, clusters }: { filters: AuditFilters; clusters: { name: string; displayName: string }[] }) {
  const router = useRouter();
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label="Filter the audit log"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        router.push(auditHref(Object.fromEntries(AUDIT_FILTERS.map((k) => [k, String(data.get(k) ?? '').trim()]))));
      }}
      className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-3 xl:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
      <Field label="Actor" hint="Exactly as listed below">
        {(w) => <TextInput wired={w} name="actor" defaultValue={filters.actor ?? ''} autoComplete="off" />}
      </Field>
      <Field label="Action" hint="e.g. createService">
        {(w) => (
          <>
            <TextInput wired={w} name="action" list="audit-actions" defaultValue={filters.action ?? ''} autoComplete="off" />
            <datalist id="audit-actions">
              {AUDITED_ACTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Cluster" hint="Any, or one">
        {(w) => (
          <SelectInput wired={w} name="cluster" defaultValue={filters.cluster ?? ''}>
            <option value="">any cluster</option>
            {clusters.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
            {filters.cluster && !clusters.some((c) => c.name === filters.cluster) && <option value={filters.cluster}>{filters.cluster} (removed)</option>}
          </SelectInput>
        )}
      </Field>
      <Field label="Namespace" hint="Exact name">
        {(w) => <TextInput wired={w} name="namespace" defaultValue={filters.namespace ?? ''} autoComplete="off" />}
      </Field>
      <Field label="Outcome" hint="Any, or one">
        {(w) => (
          <SelectInput wired={w} name="outcome" defaultValue={filters.outcome ?? ''}>
            <option value="">any outcome</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o.toLowerCase()}
              </option>
            ))}
          </SelectInput>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Button asChild variant="ghost">
          <Link href="/admin/audit">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
