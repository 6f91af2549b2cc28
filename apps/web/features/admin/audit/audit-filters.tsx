import Link from 'next/link';
import { Button } from '../../../components/ui/button';
import { Field, SelectInput, TextInput } from '../../../components/ui/field';
import { AUDITED_ACTIONS, type AuditFilters, OUTCOMES } from './audit-params';

/** A plain GET form: the filters land in the address (shareable, Back/Forward restore them), and it works before scripts load. */
export function AuditFilterForm({ filters, clusters }: { filters: AuditFilters; clusters: { name: string; displayName: string }[] }) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-3 xl:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
      <Field label="Actor" hint="Exactly as listed, e.g. token:alice (sbt_ab12)">
        {(w) => <TextInput wired={w} name="actor" defaultValue={filters.actor ?? ''} autoComplete="off" />}
      </Field>
      <Field label="Action" hint="The operation, e.g. createService">
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
      <Field label="Cluster" hint="Any, or one cluster">
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
      <Field label="Outcome" hint="Succeeded, failed or replayed">
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
