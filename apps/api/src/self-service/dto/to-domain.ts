import type { ExposeInput as DomainExpose, IngressInput, ServiceInput, ValidationIssue } from '@switchboard/k8s-model';
import type { ExposeRequest, IngressUpdate, ServiceChange } from '../self-service.service.js';
import type { ExposeInput } from './expose.input.js';
import type { CreateIngressInput, IngressFieldsInput, UpdateIngressInput } from './ingress.input.js';
import { toMap } from './key-value.input.js';
import type { CreateServiceInput, ServiceFieldsInput, UpdateServiceInput } from './service.input.js';

/** Drops undefined entries so "absent" stays distinguishable from null. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A GraphQL input as the domain takes it, plus what could not be carried over (e.g. a label key given twice). */
export interface Decoded<T> {
  value: T;
  issues: ValidationIssue[];
}

function serviceFields(i: ServiceFieldsInput, issues: ValidationIssue[]) {
  return defined({
    type: i.type,
    headless: i.headless,
    selector: toMap(i.selector, 'selector', issues),
    ports: i.ports,
    externalName: i.externalName,
    labels: toMap(i.labels, 'labels', issues),
    annotations: toMap(i.annotations, 'annotations', issues),
  });
}

export function createServiceInput(i: CreateServiceInput): Decoded<ServiceInput> {
  const issues: ValidationIssue[] = [];
  const value = { name: i.name, ...serviceFields(i, issues) } as ServiceInput;
  return { value, issues };
}

export function serviceChange(i: UpdateServiceInput): Decoded<ServiceChange> {
  const issues: ValidationIssue[] = [];
  const value = { ...serviceFields(i, issues), ...defined({ resourceVersion: i.resourceVersion }) } as ServiceChange;
  return { value, issues };
}

export function exposeRequest(i: ExposeInput): ExposeRequest {
  return defined({ ...i }) as DomainExpose & { ingressName?: string | null };
}

function ingressFields(i: IngressFieldsInput, issues: ValidationIssue[]) {
  return defined({
    ingressClassName: i.ingressClassName,
    rules: i.rules,
    tls: i.tls,
    defaultBackend: i.defaultBackend,
    labels: toMap(i.labels, 'labels', issues),
    annotations: toMap(i.annotations, 'annotations', issues),
  });
}

export function createIngressInput(i: CreateIngressInput): Decoded<IngressInput> {
  const issues: ValidationIssue[] = [];
  const value = { name: i.name, ...ingressFields(i, issues) } as IngressInput;
  return { value, issues };
}

export function ingressUpdate(i: UpdateIngressInput): Decoded<IngressUpdate> {
  const issues: ValidationIssue[] = [];
  const value = { ...ingressFields(i, issues), ...defined({ resourceVersion: i.resourceVersion }) } as IngressUpdate;
  return { value, issues };
}
