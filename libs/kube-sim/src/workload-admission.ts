import { selectorMatches } from './selectors.js';
import type { Cause } from './status.js';
import type { KubeObject } from './kube-object.js';

type Obj = Record<string, any>;

const mismatch = (labels: unknown): Cause => ({
  reason: 'FieldValueInvalid',
  field: 'spec.template.metadata.labels',
  message: `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``,
});

/** A label selector's matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) against labels. */
function labelSelectorMatches(selector: Obj, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  if (!selectorMatches(selector.matchLabels ?? {}, l)) return false;
  return ((selector.matchExpressions ?? []) as Obj[]).every((e) => {
    const has = Object.hasOwn(l, e.key);
    if (e.operator === 'In') return has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === 'NotIn') return !has || !(e.values ?? []).includes(l[e.key]);
    if (e.operator === 'Exists') return has;
    if (e.operator === 'DoesNotExist') return !has;
    return false;
  });
}

/** An apps/v1 selector: required, non-empty, and selecting the template's labels. */
function checkSelector(spec: Obj, causes: Cause[]): void {
  const sel = spec.selector as Obj | undefined;
  if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) {
    causes.push({ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
  } else if (!labelSelectorMatches(sel, spec.template?.metadata?.labels)) causes.push(mismatch(spec.template?.metadata?.labels));
}

function checkRestartPolicy(template: Obj | undefined, field: string, causes: Cause[]): void {
  const policy = template?.spec?.restartPolicy;
  if (policy !== 'Never' && policy !== 'OnFailure') {
    causes.push({ reason: policy === undefined ? 'FieldValueRequired' : 'FieldValueNotSupported', field: `${field}.spec.restartPolicy`, message: `${policy === undefined ? 'Required value' : `Unsupported value: "${policy}"`}: valid values: "OnFailure", "Never"` });
  }
}

/**
 * Defaulting and validation of the workload kinds, as their API strategies do it: the
 * selector must select the template's labels (a ReplicationController's defaults to
 * them), a Job's selector and pod labels carry its uid, replicas default to 1.
 */
export function admitWorkload(obj: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const spec = (obj.spec ??= {}) as Obj;
  obj.status ??= {};
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      checkSelector(spec, causes);
      spec.replicas ??= 1;
      break;
    case 'DaemonSet':
      checkSelector(spec, causes);
      break;
    case 'ReplicationController': {
      spec.selector ??= { ...(spec.template?.metadata?.labels ?? {}) };
      if (!Object.keys(spec.selector).length) causes.push({ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
      else if (!selectorMatches(spec.selector, spec.template?.metadata?.labels)) causes.push(mismatch(spec.template?.metadata?.labels));
      spec.replicas ??= 1;
      break;
    }
    case 'Job': {
      const uid = obj.metadata.uid!;
      const template = (spec.template ??= {});
      template.metadata ??= {};
      if (!spec.manualSelector) {
        spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
        template.metadata.labels = { ...(template.metadata.labels ?? {}), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': obj.metadata.name, 'controller-uid': uid, 'job-name': obj.metadata.name };
      } else checkSelector(spec, causes);
      checkRestartPolicy(template, 'spec.template', causes);
      spec.parallelism ??= 1;
      spec.completions ??= 1;
      spec.backoffLimit ??= 6;
      spec.completionMode ??= 'NonIndexed';
      spec.suspend ??= false;
      break;
    }
    case 'CronJob':
      if (typeof spec.schedule !== 'string' || !spec.schedule.trim()) causes.push({ reason: 'FieldValueRequired', field: 'spec.schedule', message: 'Required value' });
      checkRestartPolicy(spec.jobTemplate?.spec?.template, 'spec.jobTemplate.spec.template', causes);
      spec.concurrencyPolicy ??= 'Allow';
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      break;
  }
  return causes;
}
