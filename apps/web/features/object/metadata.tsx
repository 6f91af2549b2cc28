import { Card, CardHeader } from '../../components/ui/card';
import { KeyValueChips } from '../../components/ui/key-values';

const LONG = 140;

/** Labels as chips; annotations as a list whose long values (JSON blobs, certificates) fold with the full text a click away. */
export function LabelsAndAnnotations({ labels, annotations }: { labels: readonly { key: string; value: string }[]; annotations: readonly { key: string; value: string }[] }) {
  return (
    <Card aria-labelledby="metadata-heading">
      <CardHeader id="metadata-heading" title="Labels and annotations" />
      <div className="space-y-4 px-4 py-3">
        <section aria-labelledby="labels-heading">
          <h3 id="labels-heading" className="mb-1.5 text-xs font-semibold text-muted">
            Labels ({labels.length})
          </h3>
          <KeyValueChips items={labels} empty="No labels." />
        </section>
        <section aria-labelledby="annotations-heading">
          <h3 id="annotations-heading" className="mb-1.5 text-xs font-semibold text-muted">
            Annotations ({annotations.length})
          </h3>
          {annotations.length === 0 ? (
            <p className="text-sm text-muted">No annotations.</p>
          ) : (
            <dl className="space-y-2 text-xs">
              {annotations.map((a) => (
                <div key={a.key} className="min-w-0">
                  <dt className="font-mono break-all text-muted">{a.key}</dt>
                  <dd className="mt-0.5 font-mono break-all whitespace-pre-wrap text-text">
                    {a.value.length <= LONG ? (
                      a.value || <span className="text-faint italic">(empty)</span>
                    ) : (
                      <details className="group">
                        <summary className="cursor-pointer">
                          <span className="group-open:hidden">{a.value.slice(0, LONG)}… </span>
                          <span className="font-sans text-accent group-open:hidden">show all {a.value.length.toLocaleString('en-US')} characters</span>
                          <span className="hidden font-sans text-accent group-open:inline">hide the full value</span>
                        </summary>
                        <div className="mt-1 max-h-64 overflow-auto rounded border border-border bg-surface-2 p-2" tabIndex={0} aria-label={`Full value of ${a.key}`}>
                          {a.value}
                        </div>
                      </details>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>
    </Card>
  );
}
