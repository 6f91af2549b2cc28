import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import type { ConnectionWhyFieldsFragment } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';

type Why = ConnectionWhyFieldsFragment;
type Verdict = Why['ingress'];

/** A policy named `namespace/name` by the API, linking to its page in the cluster. */
export function PolicyLink({ cluster, policy }: { cluster: string; policy: string }) {
  const [namespace, name] = policy.includes('/') ? (policy.split('/', 2) as [string, string]) : ['', policy];
  return namespace ? (
    <Link href={routes.networkPolicy(cluster, namespace, name)} className="font-mono text-[13px]">
      {policy}
    </Link>
  ) : (
    <span className="font-mono text-[13px]">{policy}</span>
  );
}

function joined(items: ReactNode[]): ReactNode {
  return items.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && (i === items.length - 1 ? ' and ' : ', ')}
      {item}
    </Fragment>
  ));
}

function rules(cluster: string, v: Verdict): ReactNode {
  return joined(
    v.allowedBy.map((r) => (
      <span key={`${r.policy} ${r.rule}`}>
        <PolicyLink cluster={cluster} policy={r.policy} /> <span className="font-mono text-[13px]">{r.rule}</span>
      </span>
    )),
  );
}

function policies(cluster: string, names: readonly string[]): ReactNode {
  return joined(names.map((p) => <PolicyLink key={p} cluster={cluster} policy={p} />));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The API's one-line summary, with the policies it names linked to their pages. */
function LinkedSummary({ why, cluster }: { why: Why; cluster: string }) {
  const names = [...new Set([...why.ingress.policies, ...why.egress.policies])].sort((a, b) => b.length - a.length);
  if (!names.length) return <span>{why.summary}</span>;
  const parts = why.summary.split(new RegExp(`(${names.map(escape).join('|')})`));
  return <span>{parts.map((part, i) => (names.includes(part) ? <PolicyLink key={i} cluster={cluster} policy={part} /> : part))}</span>;
}

/**
 * The short reason on a connection, from the API's why: the rules that allow it (the
 * destination's ingress side first, then the source's egress side when that is isolated too),
 * or, when nothing is allowed (or nothing isolates), the API's own summary with its policies linked.
 */
export function ShortReason({ why, cluster, allowed }: { why: Why; cluster: string; allowed: boolean }) {
  const { ingress, egress } = why;
  if (!allowed || (!ingress.isolated && !egress.isolated)) return <LinkedSummary why={why} cluster={cluster} />;
  return (
    <span>
      {ingress.isolated ? <>allowed by {rules(cluster, ingress)}</> : 'no policy isolates the destination'}
      {egress.isolated && <>; the source&rsquo;s egress allowed by {rules(cluster, egress)}</>}
    </span>
  );
}

function Side({ title, verdict, cluster }: { title: string; verdict: Verdict; cluster: string }) {
  return (
    <div className="contents">
      <dt className="text-muted">{title}</dt>
      <dd className="min-w-0 text-text">
        {verdict.isolated ? (
          <>
            isolated by {policies(cluster, verdict.policies)};{' '}
            {verdict.allowedBy.length ? <>allowed by {rules(cluster, verdict)}</> : 'no rule of them matches the other end on these ports'}
          </>
        ) : (
          'not isolated: no policy selects this end in this direction, so it allows everything'
        )}
      </dd>
    </div>
  );
}

/** The whole why, behind a disclosure (native details/summary: keyboard and screen readers know it). */
export function WhyDisclosure({ why, cluster, subject }: { why: Why; cluster: string; subject: string }) {
  return (
    <details className="group mt-1 text-xs">
      <summary className="cursor-pointer text-accent select-none">
        Why<span className="sr-only"> ({subject})</span>
      </summary>
      <dl className="mt-1.5 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md border border-border bg-surface-2/60 px-3 py-2">
        <Side title="Destination’s ingress" verdict={why.ingress} cluster={cluster} />
        <Side title="Source’s egress" verdict={why.egress} cluster={cluster} />
        <div className="contents">
          <dt className="text-muted">In short</dt>
          <dd className="text-text">{why.summary}</dd>
        </div>
      </dl>
    </details>
  );
}
