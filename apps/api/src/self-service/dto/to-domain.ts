import type { ExposeInput as DomainExpose, IngressInput, ServiceInput, ValidationIssue } from '@switchboard/k8s-model';
import { DomainError } from '../../errors/domain-error.js';
import type { ExposeRequest, IngressUpdate, ServiceChange } from '../self-service.service.js';
import type { ExposeInput } from './expose.input.js';
import type { CreateIngressInput, IngressFieldsInput, UpdateIngressInput } from './ingress.input.js';
import { toMap } from './key-value.input.js';
import type { CreateServiceInput, ServiceFieldsInput, UpdateServiceInput } from './service.input.js';

/** Drops undefined entries so "absent" stays distinguishable from null. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function fail(issues: ValidationIssue[]): void {
  if (issues.length) throw DomainError.validation(issues);
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

export function createServiceInput(i: CreateServiceInput): ServiceInput {
  const issues: ValidationIssue[] = [];
  const out = { name: i.name, ...serviceFields(i, issues) } as ServiceInput;
  fail(issues);
  return out;
}

export function serviceChange(i: UpdateServiceInput): ServiceChange {
  const issues: ValidationIssue[] = [];
  const out = { ...serviceFields(i, issues), ...defined({ resourceVersion: i.resourceVersion }) } as ServiceChange;
  fail(issues);
  return out;
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

export function createIngressInput(i: CreateIngressInput): IngressInput {
  const issues: ValidationIssue[] = [];
  const out = { name: i.name, ...ingressFields(i, issues) } as IngressInput;
  fail(issues);
  return out;
}

export function ingressUpdate(i: UpdateIngressInput): IngressUpdate {
  const issues: ValidationIssue[] = [];
  const out = { ...ingressFields(i, issues), ...defined({ resourceVersion: i.resourceVersion }) } as IngressUpdate;
  fail(issues);
  return out;
}
