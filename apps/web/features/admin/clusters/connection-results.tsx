import { CircleCheck, CircleX, Lock, ShieldX, Unplug } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { cn } from '../../../lib/cn';
import type { TestClusterConnectionMutation } from '../../../lib/graphql/generated/graphql';

type Test = TestClusterConnectionMutation['testClusterConnection'][number];

const LOOK: Record<Test['outcome'], { icon: LucideIcon; word: string; tone: string; advice: string }> = {
  OK: { icon: CircleCheck, word: 'Connection works', tone: 'border-ok/40 bg-ok-soft text-ok', advice: 'Every kind the catalog mirrors can be listed and watched. Nothing is stored until you register.' },
  UNREACHABLE: { icon: Unplug, word: 'Unreachable', tone: 'border-bad/40 bg-bad-soft text-bad', advice: 'Check the server address, and that the API can reach it (network, firewall, VPN).' },
  TLS: { icon: Lock, word: 'TLS verification failed', tone: 'border-bad/40 bg-bad-soft text-bad', advice: "The server's certificate is not signed by the CA in the kubeconfig: use the cluster's own certificate-authority-data." },
  UNAUTHORIZED: { icon: ShieldX, word: 'Credentials rejected (401)', tone: 'border-bad/40 bg-bad-soft text-bad', advice: 'The token or client certificate is unknown or expired: create fresh credentials for Switchboard.' },
  FORBIDDEN: { icon: ShieldX, word: 'Permissions missing (403)', tone: 'border-warn/40 bg-warn-soft text-warn', advice: 'Bind the credentials to a ClusterRole with get, list and watch on these resources.' },
  ERROR: { icon: CircleX, word: 'The cluster answered with an error', tone: 'border-bad/40 bg-bad-soft text-bad', advice: 'The message is what the cluster said.' },
};

/** The connection test's verdict per cluster, in words and icon (never colour alone). */
export function ConnectionResults({ tests }: { tests: readonly Test[] }) {
  return (
    <ul className="flex flex-col gap-2" aria-label="Connection test results" data-testid="connection-results">
      {tests.map((t) => {
        const look = LOOK[t.outcome];
        const Icon = look.icon;
        return (
          <li key={t.name} className={cn('rounded-md border px-3 py-2 text-sm', look.tone)} data-outcome={t.outcome}>
            <p className="flex flex-wrap items-center gap-x-2 font-semibold">
              <Icon aria-hidden className="size-4" />
              <span>{t.name}</span>
              <span>— {look.word}</span>
              {t.errorCode && <code className="text-xs font-normal">{t.errorCode}</code>}
            </p>
            <p className="mt-1 text-xs text-muted">
              {t.context ? `context ${t.context} · ` : ''}
              <span className="font-mono">{t.server}</span>
            </p>
            <p className="mt-1 text-text">{t.message}</p>
            {t.forbidden.length > 0 && (
              <ul className="mt-1 list-disc pl-5 font-mono text-xs text-text">
                {t.forbidden.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
            <p className="mt-1 text-xs text-muted">{look.advice}</p>
          </li>
        );
      })}
    </ul>
  );
}
