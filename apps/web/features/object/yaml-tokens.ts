/** One highlighted piece of a YAML line. */
export interface YamlToken {
  text: string;
  kind: 'key' | 'string' | 'literal' | 'punct' | 'plain';
}

const LITERAL = /^(?:-?\d+(?:\.\d+)?|true|false|null|~)$/;

function scalar(v: string): YamlToken {
  if (v.startsWith('"') || v.startsWith("'")) return { text: v, kind: 'string' };
  if (LITERAL.test(v)) return { text: v, kind: 'literal' };
  return { text: v, kind: 'string' };
}

/**
 * Splits block-style YAML (as the `yaml` package prints it) into tokens per line, for a
 * read-only view: keys, scalars, literals, and the lines of block scalars (`|`, `>`).
 * Anything it does not recognise stays plain text, so nothing is ever lost.
 */
export function yamlTokens(text: string): YamlToken[][] {
  const out: YamlToken[][] = [];
  let blockIndent: number | null = null;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== null) {
      if (line.trim() === '' || indent > blockIndent) {
        out.push([{ text: line, kind: 'string' }]);
        continue;
      }
      blockIndent = null;
    }
    const tokens: YamlToken[] = [{ text: line.slice(0, indent), kind: 'plain' }];
    let rest = line.slice(indent);
    while (rest.startsWith('- ') || rest === '-') {
      tokens.push({ text: rest.slice(0, 2), kind: 'punct' });
      rest = rest.slice(2);
    }
    const key = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'#][^:#]*?):(?=\s|$)/.exec(rest);
    if (key) {
      tokens.push({ text: key[1]!, kind: 'key' }, { text: ':', kind: 'punct' });
      rest = rest.slice(key[0].length);
    }
    if (rest) {
      const lead = rest.length - rest.trimStart().length;
      if (lead) tokens.push({ text: rest.slice(0, lead), kind: 'plain' });
      const value = rest.slice(lead);
      if (/^[|>][-+]?\d*$/.test(value)) {
        tokens.push({ text: value, kind: 'punct' });
        blockIndent = indent + (line.slice(indent).startsWith('- ') ? 2 : 0);
      } else if (value === '{}' || value === '[]') tokens.push({ text: value, kind: 'punct' });
      else if (value) tokens.push(scalar(value));
    }
    out.push(tokens.filter((t) => t.text !== ''));
  }
  return out;
}
