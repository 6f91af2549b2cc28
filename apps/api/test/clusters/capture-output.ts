import { recorder } from '../support/leak-registry.js';

/**
 * Everything the process writes to stdout/stderr while it runs (Nest's logger writes
 * there); swallowed, not echoed, but still handed to the suite's credential-leak check
 * unless `record: false` (for output that prints a secret by design, once).
 */
export function captureOutput(opts: { record?: boolean } = {}): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const out = process.stdout.write;
  const err = process.stderr.write;
  const tap = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    chunks.push(text);
    if (opts.record !== false) recorder().log(text);
    (rest.find((a) => typeof a === 'function') as (() => void) | undefined)?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = tap;
  process.stderr.write = tap;
  return {
    text: () => chunks.join(''),
    stop() {
      process.stdout.write = out;
      process.stderr.write = err;
    },
  };
}

/** The warning and error lines of captured output (the API logs JSON lines when not on a terminal). */
export function complaints(text: string): string[] {
  return text.split('\n').filter((line) => {
    if (!line.startsWith('{')) return /\b(WARN|ERROR)\b/.test(line);
    try {
      return ['warn', 'error', 'fatal'].includes((JSON.parse(line) as { level?: string }).level ?? '');
    } catch {
      return false;
    }
  });
}
