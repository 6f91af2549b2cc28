import { DomainError } from '../errors/domain-error.js';

/**
 * Last line of defence for register errors: whatever a parser or client library
 * put into a message, no token, key, CA or kubeconfig line leaves in it.
 */
export function redactSecrets(err: unknown, secrets: (string | undefined | null)[]): unknown {
  if (!(err instanceof DomainError)) return err;
  // Whole values and each of their longer lines (a YAML error may quote one line of the kubeconfig).
  const needles = secrets
    .flatMap((s) => (s ? [s, ...s.split('\n').map((l) => l.trim())] : []))
    .filter((s) => s.length >= 8)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string) => needles.reduce((t, n) => t.split(n).join('[redacted]'), text);
  const message = scrub(err.message);
  const details = err.details.map((d) => ({ ...d, message: scrub(d.message) }));
  if (message === err.message && details.every((d, i) => d.message === err.details[i]!.message)) return err;
  return new DomainError(err.code, message, details);
}
