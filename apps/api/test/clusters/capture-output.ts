/** Everything the process writes to stdout/stderr while it runs (Nest's logger writes there); swallowed, not echoed. */
export function captureOutput(): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const out = process.stdout.write;
  const err = process.stderr.write;
  const tap = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
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
