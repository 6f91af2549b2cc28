import { Card, CardHeader } from '../../components/ui/card';
import type { NetworkPolicyPageQuery, PolicyRuleFieldsFragment } from '../../lib/graphql/generated/graphql';
import { Selector } from './selector';

type Policy = NonNullable<NetworkPolicyPageQuery['networkPolicy']>;
type Rule = PolicyRuleFieldsFragment;
type PeerRule = NonNullable<Rule['peers']>[number];
type PortRule = NonNullable<Rule['ports']>[number];

function PeerText({ peer, namespace }: { peer: PeerRule; namespace: string }) {
  if (peer.ipBlock) {
    return (
      <>
        addresses in <code className="font-mono text-[13px] text-text">{peer.ipBlock.cidr}</code>
        {peer.ipBlock.except.length > 0 && (
          <>
            {' '}
            except <code className="font-mono text-[13px] text-text">{peer.ipBlock.except.join(', ')}</code>
          </>
        )}
      </>
    );
  }
  const pods = peer.podSelector ? <Selector selector={peer.podSelector} empty="every pod" /> : 'every pod';
  if (!peer.namespaceSelector) return <>pods matching {pods} in namespace {namespace}</>;
  return (
    <>
      pods matching {pods} in namespaces matching <Selector selector={peer.namespaceSelector} empty="any namespace" />
    </>
  );
}

function portText(p: PortRule): string {
  if (p.portName) return `${p.protocol} port named ${p.portName} (resolved on each destination pod)`;
  if (p.port == null) return `every ${p.protocol} port`;
  return p.endPort != null && p.endPort !== p.port ? `${p.protocol} ${p.port}-${p.endPort}` : `${p.protocol} ${p.port}`;
}

function RuleItem({ rule, index, direction, namespace }: { rule: Rule; index: number; direction: 'ingress' | 'egress'; namespace: string }) {
  const from = direction === 'ingress' ? 'From' : 'To';
  return (
    <li className="px-4 py-2.5 text-sm" data-testid="policy-rule" data-rule={`${direction}[${index}]`}>
      <p className="mb-1 font-mono text-xs text-muted">
        {direction}[{index}]
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">{from}</dt>
        <dd className="min-w-0 text-text">
          {rule.peers == null ? (
            direction === 'ingress' ? 'any source (no from: every pod and address)' : 'any destination (no to: every pod and address)'
          ) : rule.peers.length === 0 ? (
            'nobody (an empty list matches no peer)'
          ) : (
            <ul className="list-disc space-y-0.5 pl-4">
              {rule.peers.map((p, i) => (
                <li key={i} className="text-muted">
                  <PeerText peer={p} namespace={namespace} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-muted">Ports</dt>
        <dd className="min-w-0 text-text">{rule.ports == null || rule.ports.length === 0 ? 'every port and protocol' : rule.ports.map(portText).join('; ')}</dd>
      </dl>
    </li>
  );
}

function Direction({ policy, direction }: { policy: Policy; direction: 'ingress' | 'egress' }) {
  const rules = policy[direction];
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const applies = policy.policyTypes.includes(type);
  const id = `${direction}-heading`;
  return (
    <Card aria-labelledby={id} data-testid={`policy-${direction}`}>
      <CardHeader
        id={id}
        title={`${type} rules (${rules.length})`}
        description={
          !applies
            ? `Not an ${type} policy: it leaves the selected pods’ ${direction} alone.`
            : rules.length === 0
              ? `No rules: the selected pods ${direction === 'ingress' ? 'accept no connection' : 'may open no connection'} unless another policy allows it (default deny).`
              : `A connection ${direction === 'ingress' ? 'to' : 'from'} the selected pods is allowed when any rule matches it (and every other policy selecting them is a union).`
        }
      />
      {rules.length > 0 && (
        <ul className="divide-y divide-border">
          {rules.map((r, i) => (
            <RuleItem key={i} rule={r} index={i} direction={direction} namespace={policy.namespace} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The policy's ingress and egress rules in words: peers (selectors, ipBlocks with except) and ports (named, ranges). */
export function PolicyRules({ policy }: { policy: Policy }) {
  return (
    <>
      <Direction policy={policy} direction="ingress" />
      {(policy.policyTypes.includes('Egress') || policy.egress.length > 0) && <Direction policy={policy} direction="egress" />}
    </>
  );
}
