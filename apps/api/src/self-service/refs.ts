import { dns1123LabelErrors, dns1123SubdomainErrors, Issues, type ValidationIssue } from '@switchboard/k8s-model';

/** Where a new object goes. */
export interface NamespaceRef {
  cluster: string;
  namespace: string;
}

/** An existing object, addressed the Kubernetes way. */
export interface ObjectRef extends NamespaceRef {
  name: string;
}

/** cluster and namespace of a request, checked before anything else is looked at. */
export function checkNamespaceRef(ref: NamespaceRef): ValidationIssue[] {
  const issues = new Issues();
  issues.reqString(ref.cluster, 'cluster');
  const ns = issues.reqString(ref.namespace, 'namespace');
  if (ns) issues.addAll('namespace', 'dns1123Label', dns1123LabelErrors(ns), ns);
  return issues.list;
}

export function checkObjectRef(ref: ObjectRef): ValidationIssue[] {
  const issues = new Issues();
  issues.list.push(...checkNamespaceRef(ref));
  const name = issues.reqString(ref.name, 'name');
  if (name) issues.addAll('name', 'dns1123Subdomain', dns1123SubdomainErrors(name), name);
  return issues.list;
}
