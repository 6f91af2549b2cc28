import { checkMetadataMaps, Issues, isAbsent, isObj, show, type ValidationIssue } from './issues.js';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names.js';

/** DESIGN §8 cluster input: exactly one way to reach the cluster. */
export interface ClusterInput {
  name: string;
  displayName?: string | null;
  kubeconfig?: string | null;
  context?: string | null;
  server?: string | null;
  token?: string | null;
  caData?: string | null;
  inCluster?: boolean | null;
  labels?: Record<string, string> | null;
  clusterDomain?: string | null;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function validateClusterInput(input: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const name = issues.reqString(input['name'], 'name');
  if (name) issues.addAll('name', 'dns1123Label', dns1123LabelErrors(name), name);
  const display = issues.optString(input['displayName'], 'displayName');
  if (display && display.length > 100) issues.add('displayName', 'tooLong', `must be no more than 100 characters, got ${display.length}`);

  const kubeconfig = issues.optString(input['kubeconfig'], 'kubeconfig');
  const server = issues.optString(input['server'], 'server');
  const inCluster = issues.optBool(input['inCluster'], 'inCluster');
  const methods = [kubeconfig ? 'kubeconfig' : null, server ? 'server' : null, inCluster ? 'inCluster' : null].filter((m): m is string => m !== null);
  if (methods.length === 0 && !issues.list.some((i) => ['kubeconfig', 'server', 'inCluster'].includes(i.field)))
    issues.add('kubeconfig', 'required', 'one of kubeconfig, server + token, or inCluster: true is required');
  for (const extra of methods.slice(1)) issues.add(extra, 'forbidden', `may not be combined with ${methods[0]}: give exactly one of kubeconfig, server + token, inCluster`);

  const context = issues.optString(input['context'], 'context');
  if (context && !kubeconfig) issues.add('context', 'forbidden', 'may only be set together with kubeconfig');

  const token = issues.optString(input['token'], 'token');
  const caData = issues.optString(input['caData'], 'caData');
  if (server) {
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/.test(server)) issues.add('server', 'url', `must be an http(s) URL such as "https://10.0.0.1:6443", got ${show(server)}`);
    if (!token) issues.add('token', 'required', 'is required together with server');
  } else {
    if (token) issues.add('token', 'forbidden', 'may only be set together with server');
    if (caData) issues.add('caData', 'forbidden', 'may only be set together with server');
  }
  if (caData && !caData.trimStart().startsWith('-----BEGIN') && !BASE64.test(caData.replace(/\s+/g, '')))
    issues.add('caData', 'base64', 'must be a base64-encoded PEM certificate (or the PEM text itself)');

  const domain = issues.optString(input['clusterDomain'], 'clusterDomain');
  if (domain) issues.addAll('clusterDomain', 'dns1123Subdomain', dns1123SubdomainErrors(domain), domain);

  if (!isAbsent(input['annotations'])) issues.add('annotations', 'forbidden', 'clusters have labels only');
  checkMetadataMaps(issues, { labels: input['labels'] });
  return issues.list;
}

/** What PATCH /clusters/{c} and updateCluster may change: rename, display name, labels, cluster domain, pause. */
export interface ClusterUpdate {
  name?: string | null;
  displayName?: string | null;
  labels?: Record<string, string> | null;
  clusterDomain?: string | null;
  paused?: boolean | null;
}

/** A cluster update (labels as a map); how it is reached cannot be changed without registering again. */
export function validateClusterUpdate(input: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isObj(input)) {
    issues.add('', 'type', `must be an object, got ${show(input)}`);
    return issues.list;
  }
  const name = issues.optString(input['name'], 'name');
  if (typeof name === 'string') issues.addAll('name', 'dns1123Label', dns1123LabelErrors(name), name);
  const display = issues.optString(input['displayName'], 'displayName');
  if (typeof display === 'string' && (display.length === 0 || display.length > 100)) issues.add('displayName', 'tooLong', `must be 1 to 100 characters, got ${display.length}`);
  const domain = issues.optString(input['clusterDomain'], 'clusterDomain');
  if (typeof domain === 'string') issues.addAll('clusterDomain', 'dns1123Subdomain', dns1123SubdomainErrors(domain), domain);
  issues.optBool(input['paused'], 'paused');
  if (!isAbsent(input['labels'])) checkMetadataMaps(issues, { labels: input['labels'] });
  for (const key of Object.keys(input)) {
    if (!['name', 'displayName', 'clusterDomain', 'paused', 'labels'].includes(key)) issues.add(key, 'forbidden', 'cannot be changed; re-register the cluster to change how it is reached');
  }
  return issues.list;
}
