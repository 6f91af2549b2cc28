import type { YamlToken } from './yaml-tokens';

const TOKEN_CLASS: Record<YamlToken['kind'], string> = {
  key: 'text-info',
  string: 'text-ok',
  literal: 'text-warn',
  punct: 'text-muted',
  plain: '',
};

/** One highlighted YAML line's tokens (the mirrored object's YAML and the forms' manifest previews). */
export function YamlLineTokens({ tokens }: { tokens: readonly YamlToken[] }) {
  return tokens.map((t, j) => (
    <span key={j} className={TOKEN_CLASS[t.kind]}>
      {t.text}
    </span>
  ));
}
