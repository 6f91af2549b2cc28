import { CopyButton } from '../../components/ui/copy-button';
import { YamlLineTokens } from '../object/yaml-line';
import { yamlTokens } from '../object/yaml-tokens';

/** The manifest the API will apply (k8s-model's builder over the form), redrawn as you type. */
export function YamlPreview({ yaml, valid }: { yaml: string; valid: boolean }) {
  return (
    <section aria-labelledby="yaml-preview-heading" className="flex flex-col rounded-lg border border-border bg-surface shadow-card" data-testid="yaml-preview">
      <div className="flex items-start justify-between gap-2 border-b border-border px-4 py-3">
        <div>
          <h2 id="yaml-preview-heading" className="text-sm font-semibold text-text">
            Manifest
          </h2>
          <p className="text-xs text-muted">{valid ? 'Exactly what Switchboard will apply (server-side apply, field manager "switchboard").' : 'As typed so far; the marked fields must be fixed before it can be applied.'}</p>
        </div>
        <CopyButton text={yaml} label="Copy manifest" showText />
      </div>
      <pre tabIndex={0} aria-label="Manifest YAML" className="max-h-[32rem] overflow-auto rounded-b-lg bg-surface-2/70 px-4 py-3 text-xs leading-5">
        <code>
          {yamlTokens(yaml).map((tokens, i) => (
            <span key={i} className="block">
              <YamlLineTokens tokens={tokens} />
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </section>
  );
}
