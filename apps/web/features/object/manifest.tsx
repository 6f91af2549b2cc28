import { Card, CardHeader } from '../../components/ui/card';
import { CopyButton } from '../../components/ui/copy-button';
import { TimeAgo } from '../../components/ui/time-ago';
import { YamlLineTokens } from './yaml-line';
import { yamlTokens } from './yaml-tokens';

/**
 * The object as YAML, read-only and server-rendered: no editor to download, the browser's
 * own find (Ctrl+F) and selection work, and Copy takes the whole text. It is the mirrored
 * state, rendered from the catalog's record — said plainly above the text.
 */
export function ManifestCard({ yaml, kind, name, namespace, mirroredAt }: { yaml: string; kind: 'service' | 'ingress' | 'networkpolicy'; name: string; namespace: string; mirroredAt?: string }) {
  const lines = yamlTokens(yaml);
  const width = String(lines.length).length;
  return (
    <Card aria-labelledby="yaml-heading" data-testid="manifest">
      <CardHeader
        id="yaml-heading"
        title="YAML"
        description={
          <>
            The mirrored state{mirroredAt && <> as of <TimeAgo iso={mirroredAt} /></>}, rendered from what Switchboard keeps of the object — not a live read from the cluster, and without fields the catalog does not
            keep (managedFields, ipFamilies…). For the live object: <code className="text-text">kubectl get {kind} {name} -n {namespace} -o yaml</code>
          </>
        }
        actions={<CopyButton text={yaml} label="Copy YAML" showText />}
      />
      <pre tabIndex={0} aria-label={`YAML of ${kind} ${name}`} className="max-h-[36rem] overflow-auto rounded-b-lg bg-surface-2/70 py-3 text-xs leading-5">
        <code>
          {lines.map((tokens, i) => (
            <span key={i} className="block px-4 hover:bg-surface-2">
              <span aria-hidden className="mr-4 inline-block text-right text-muted select-none" style={{ width: `${width}ch` }}>
                {i + 1}
              </span>
              <YamlLineTokens tokens={tokens} />
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </Card>
  );
}
