import { tlsHostCovers } from '../access-urls/ingress-urls.js';
import { checkIngressHost, checkIngressPath, checkPathType, type PathType } from './host.js';
import { checkMetadataMaps, Issues, isObj, join, show, type ValidationIssue } from './issues.js';
import { dns1035LabelErrors, dns1123SubdomainErrors } from './names.js';
import { checkPortOrName } from './service-input.js';

export interface IngressPathInput {
  path?: string | null;
  pathType: PathType;
  service: string;
  /** Service port number or name. */
  port: number | string;
}

export interface IngressRuleInput {
  host?: string | null;
  paths: IngressPathInput[];
}

/** DESIGN §8 ingress input. */
export interface IngressInput {
  name: string;
  ingressClassName?: string | null;
  rules?: IngressRuleInput[] | null;
  tls?: { hosts?: string[] | null; secretName?: string | null }[] | null;
  defaultBackend?: { service: string; port: number | string } | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
}

/** A service backend: DNS-1035 service name + port number or name. */
export function checkBackend(issues: Issues, service: unknown, port: unknown, field: string): void {
  const name = issues.reqString(service, join(field, 'service'));
  if (name) issues.addAll(join(field, 'service'), 'dns1035Label', dns1035LabelErrors(name), name);
  checkPortOrName(issues, port, join(field, 'port'), true);
}

/** Every problem with an ingress input, with the rules the API server applies. */
export function validateIngressInput(input: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const name = issues.reqString(input['name'], 'name');
  if (name) issues.addAll('name', 'dns1123Subdomain', dns1123SubdomainErrors(name), name);
  const cls = issues.optString(input['ingressClassName'], 'ingressClassName');
  if (cls) issues.addAll('ingressClassName', 'dns1123Subdomain', dns1123SubdomainErrors(cls), cls);

  const ruleHosts: string[] = [];
  const rules = issues.optArray(input['rules'], 'rules');
  rules.forEach((raw, i) => {
    const f = join('rules', i);
    const rule = issues.optObject(raw, f);
    if (!rule) {
      if (raw === null || raw === undefined) issues.add(f, 'required', 'must be a rule object');
      return;
    }
    const host = issues.optString(rule['host'], join(f, 'host'));
    if (host) {
      checkIngressHost(issues, host, join(f, 'host'));
      ruleHosts.push(host);
    }
    const paths = issues.optArray(rule['paths'], join(f, 'paths'));
    // A wrong type was reported by optArray already.
    if (paths.length === 0 && (rule['paths'] === undefined || rule['paths'] === null || Array.isArray(rule['paths'])))
      issues.add(join(f, 'paths'), 'required', 'at least one path is required');
    paths.forEach((rp, j) => {
      const pf = join(join(f, 'paths'), j);
      const p = issues.optObject(rp, pf);
      if (!p) {
        if (rp === null || rp === undefined) issues.add(pf, 'required', 'must be a path object');
        return;
      }
      const pathType = checkPathType(issues, p['pathType'], join(pf, 'pathType'));
      const path = issues.optString(p['path'], join(pf, 'path'));
      checkIngressPath(issues, path, pathType, join(pf, 'path'));
      checkBackend(issues, p['service'], p['port'], pf);
    });
  });

  const db = issues.optObject(input['defaultBackend'], 'defaultBackend');
  if (db) checkBackend(issues, db['service'], db['port'], 'defaultBackend');
  if (rules.length === 0 && !db) issues.add('rules', 'required', 'at least one rule or a defaultBackend is required');

  issues.optArray(input['tls'], 'tls').forEach((raw, i) => {
    const f = join('tls', i);
    const t = issues.optObject(raw, f);
    if (!t) return;
    issues.optArray(t['hosts'], join(f, 'hosts')).forEach((h, k) => {
      const hf = join(join(f, 'hosts'), k);
      const host = issues.reqString(h, hf);
      if (!host) return;
      checkIngressHost(issues, host, hf);
      // A certificate for a host no rule serves is almost always a typo.
      if (!ruleHosts.some((rh) => rh.toLowerCase() === host.toLowerCase() || tlsHostCovers(host, rh)))
        issues.add(hf, 'hostNotInRules', `host ${show(host)} does not appear in any rule${ruleHosts.length ? ` (rule hosts: ${ruleHosts.join(', ')})` : ''}`);
    });
    const secret = issues.optString(t['secretName'], join(f, 'secretName'));
    if (secret) issues.addAll(join(f, 'secretName'), 'dns1123Subdomain', dns1123SubdomainErrors(secret), secret);
  });

  checkMetadataMaps(issues, input);
  return issues.list;
}
