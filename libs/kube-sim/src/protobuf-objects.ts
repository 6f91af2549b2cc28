import { signed, type WireField, WireError, wireFields } from './protobuf-wire.js';
import { unsupportedMediaType } from './status.js';
import type { KubeObject } from './kube-object.js';

/**
 * kubectl sends the objects it builds itself (`kubectl create service|deployment|namespace|
 * ingress`) as protobuf: "k8s\0", then a runtime.Unknown holding apiVersion, kind and the
 * object's message. This turns such a body into the JSON kubectl would otherwise send,
 * following Go's JSON rules (unset scalars left out, structs kept even when empty, pointer
 * fields present when set). Field numbers are those of k8s.io/api's generated.proto, for the
 * messages those commands fill; any other field that carries a value is refused (415), so
 * nothing is dropped silently.
 */

type Leaf = 'string' | 'bytes' | 'int' | 'bool' | 'intOrString' | 'quantity' | 'time' | 'stringMap' | 'quantityMap';
interface Field {
  json: string;
  /** A leaf type, or the name of a message in MESSAGES. */
  type: Leaf | string;
  repeated?: boolean;
  /** A Go pointer (or optional) field: present means set, even to a zero value. */
  pointer?: boolean;
  /** Embedded inline (its fields belong to the parent in JSON). */
  inline?: boolean;
}

const f = (json: string, type: Leaf | string, ...flags: ('repeated' | 'pointer' | 'inline')[]): Field => ({
  json,
  type,
  ...(flags.includes('repeated') ? { repeated: true } : {}),
  ...(flags.includes('pointer') ? { pointer: true } : {}),
  ...(flags.includes('inline') ? { inline: true } : {}),
});
const S = 'string';
const I = 'int';
const B = 'bool';

const MESSAGES: Record<string, Record<number, Field>> = {
  // k8s.io/apimachinery runtime: the envelope
  Unknown: { 1: f('typeMeta', 'TypeMeta'), 2: f('raw', 'bytes'), 3: f('contentEncoding', S), 4: f('contentType', S) },
  TypeMeta: { 1: f('apiVersion', S), 2: f('kind', S) },
  // k8s.io/apimachinery meta/v1
  ObjectMeta: {
    1: f('name', S), 2: f('generateName', S), 3: f('namespace', S), 4: f('selfLink', S), 5: f('uid', S), 6: f('resourceVersion', S), 7: f('generation', I),
    8: f('creationTimestamp', 'time'), 9: f('deletionTimestamp', 'time', 'pointer'), 10: f('deletionGracePeriodSeconds', I, 'pointer'),
    11: f('labels', 'stringMap'), 12: f('annotations', 'stringMap'), 13: f('ownerReferences', 'OwnerReference', 'repeated'), 14: f('finalizers', S, 'repeated'),
  },
  OwnerReference: { 5: f('apiVersion', S), 1: f('kind', S), 3: f('name', S), 4: f('uid', S), 6: f('controller', B, 'pointer'), 7: f('blockOwnerDeletion', B, 'pointer') },
  LabelSelector: { 1: f('matchLabels', 'stringMap'), 2: f('matchExpressions', 'LabelSelectorRequirement', 'repeated') },
  LabelSelectorRequirement: { 1: f('key', S), 2: f('operator', S), 3: f('values', S, 'repeated') },
  // core/v1 Service
  Service: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'ServiceSpec'), 3: f('status', 'ServiceStatus') },
  ServiceSpec: {
    1: f('ports', 'ServicePort', 'repeated'), 2: f('selector', 'stringMap'), 3: f('clusterIP', S), 18: f('clusterIPs', S, 'repeated'), 4: f('type', S),
    5: f('externalIPs', S, 'repeated'), 7: f('sessionAffinity', S), 8: f('loadBalancerIP', S), 9: f('loadBalancerSourceRanges', S, 'repeated'),
    10: f('externalName', S), 11: f('externalTrafficPolicy', S), 12: f('healthCheckNodePort', I), 13: f('publishNotReadyAddresses', B),
    14: f('sessionAffinityConfig', 'SessionAffinityConfig', 'pointer'), 19: f('ipFamilies', S, 'repeated'), 17: f('ipFamilyPolicy', S, 'pointer'),
    20: f('allocateLoadBalancerNodePorts', B, 'pointer'), 21: f('loadBalancerClass', S, 'pointer'), 22: f('internalTrafficPolicy', S, 'pointer'), 23: f('trafficDistribution', S, 'pointer'),
  },
  SessionAffinityConfig: { 1: f('clientIP', 'ClientIPConfig', 'pointer') },
  ClientIPConfig: { 1: f('timeoutSeconds', I, 'pointer') },
  ServicePort: { 1: f('name', S), 2: f('protocol', S), 6: f('appProtocol', S, 'pointer'), 3: f('port', I), 4: f('targetPort', 'intOrString'), 5: f('nodePort', I) },
  ServiceStatus: { 1: f('loadBalancer', 'LoadBalancerStatus') },
  LoadBalancerStatus: { 1: f('ingress', 'LoadBalancerIngress', 'repeated') },
  LoadBalancerIngress: { 1: f('ip', S), 2: f('hostname', S), 3: f('ipMode', S, 'pointer') },
  // core/v1 Namespace
  Namespace: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'NamespaceSpec'), 3: f('status', 'NamespaceStatus') },
  NamespaceSpec: { 1: f('finalizers', S, 'repeated') },
  NamespaceStatus: { 1: f('phase', S) },
  // core/v1 pod template, as `kubectl create deployment` fills it
  PodTemplateSpec: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'PodSpec') },
  PodSpec: {
    2: f('containers', 'Container', 'repeated'), 20: f('initContainers', 'Container', 'repeated'), 3: f('restartPolicy', S), 4: f('terminationGracePeriodSeconds', I, 'pointer'),
    5: f('activeDeadlineSeconds', I, 'pointer'), 6: f('dnsPolicy', S), 7: f('nodeSelector', 'stringMap'), 8: f('serviceAccountName', S), 9: f('serviceAccount', S),
    21: f('automountServiceAccountToken', B, 'pointer'), 10: f('nodeName', S), 11: f('hostNetwork', B), 12: f('hostPID', B), 13: f('hostIPC', B), 16: f('hostname', S),
    17: f('subdomain', S), 19: f('schedulerName', S), 24: f('priorityClassName', S), 25: f('priority', I, 'pointer'), 29: f('runtimeClassName', S, 'pointer'),
    30: f('enableServiceLinks', B, 'pointer'), 31: f('preemptionPolicy', S, 'pointer'),
  },
  Container: {
    1: f('name', S), 2: f('image', S), 3: f('command', S, 'repeated'), 4: f('args', S, 'repeated'), 5: f('workingDir', S), 6: f('ports', 'ContainerPort', 'repeated'),
    7: f('env', 'EnvVar', 'repeated'), 8: f('resources', 'ResourceRequirements'), 13: f('terminationMessagePath', S), 20: f('terminationMessagePolicy', S),
    14: f('imagePullPolicy', S), 16: f('stdin', B), 17: f('stdinOnce', B), 18: f('tty', B), 24: f('restartPolicy', S, 'pointer'),
  },
  ContainerPort: { 1: f('name', S), 2: f('hostPort', I), 3: f('containerPort', I), 4: f('protocol', S), 5: f('hostIP', S) },
  EnvVar: { 1: f('name', S), 2: f('value', S) },
  ResourceRequirements: { 1: f('limits', 'quantityMap'), 2: f('requests', 'quantityMap') },
  // apps/v1 Deployment
  Deployment: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'DeploymentSpec'), 3: f('status', 'DeploymentStatus') },
  DeploymentSpec: {
    1: f('replicas', I, 'pointer'), 2: f('selector', 'LabelSelector', 'pointer'), 3: f('template', 'PodTemplateSpec'), 4: f('strategy', 'DeploymentStrategy'),
    5: f('minReadySeconds', I), 6: f('revisionHistoryLimit', I, 'pointer'), 7: f('paused', B), 9: f('progressDeadlineSeconds', I, 'pointer'),
  },
  DeploymentStrategy: { 1: f('type', S), 2: f('rollingUpdate', 'RollingUpdateDeployment', 'pointer') },
  RollingUpdateDeployment: { 1: f('maxUnavailable', 'intOrString', 'pointer'), 2: f('maxSurge', 'intOrString', 'pointer') },
  DeploymentStatus: {
    1: f('observedGeneration', I), 2: f('replicas', I), 3: f('updatedReplicas', I), 7: f('readyReplicas', I), 4: f('availableReplicas', I),
    5: f('unavailableReplicas', I), 9: f('terminatingReplicas', I, 'pointer'), 8: f('collisionCount', I, 'pointer'),
  },
  // networking.k8s.io/v1 Ingress
  Ingress: { 1: f('metadata', 'ObjectMeta'), 2: f('spec', 'IngressSpec'), 3: f('status', 'IngressStatus') },
  IngressSpec: { 4: f('ingressClassName', S, 'pointer'), 1: f('defaultBackend', 'IngressBackend', 'pointer'), 2: f('tls', 'IngressTLS', 'repeated'), 3: f('rules', 'IngressRule', 'repeated') },
  IngressBackend: { 4: f('service', 'IngressServiceBackend', 'pointer'), 3: f('resource', 'TypedLocalObjectReference', 'pointer') },
  IngressServiceBackend: { 1: f('name', S), 2: f('port', 'ServiceBackendPort') },
  ServiceBackendPort: { 1: f('name', S), 2: f('number', I) },
  IngressTLS: { 1: f('hosts', S, 'repeated'), 2: f('secretName', S) },
  IngressRule: { 1: f('host', S), 2: f('ingressRuleValue', 'IngressRuleValue', 'inline') },
  IngressRuleValue: { 1: f('http', 'HTTPIngressRuleValue', 'pointer') },
  HTTPIngressRuleValue: { 1: f('paths', 'HTTPIngressPath', 'repeated') },
  HTTPIngressPath: { 1: f('path', S), 3: f('pathType', S, 'pointer'), 2: f('backend', 'IngressBackend') },
  TypedLocalObjectReference: { 1: f('apiGroup', S, 'pointer'), 2: f('kind', S), 3: f('name', S) },
  IngressStatus: { 1: f('loadBalancer', 'IngressLoadBalancerStatus') },
  IngressLoadBalancerStatus: { 1: f('ingress', 'IngressLoadBalancerIngress', 'repeated') },
  IngressLoadBalancerIngress: { 1: f('ip', S), 2: f('hostname', S) },
};

/** The kinds whose protobuf bodies are read, by apiVersion/kind. */
const KINDS: Record<string, string> = { 'v1/Service': 'Service', 'v1/Namespace': 'Namespace', 'apps/v1/Deployment': 'Deployment', 'networking.k8s.io/v1/Ingress': 'Ingress' };

/** The magic bytes before every protobuf-encoded Kubernetes object. */
const MAGIC = Buffer.from('k8s\u0000', 'latin1');

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';

const refuse = (why: string) => unsupportedMediaType(`kube-sim cannot read this protobuf body (${why}); send it as application/json`);

/** A field that carries nothing (what Go writes for an unset non-pointer field). */
const empty = (w: WireField) => (w.bytes ? w.bytes.length === 0 : w.value === 0n);

function leaf(type: Leaf, w: WireField, where: string): unknown {
  const bytes = () => {
    if (!w.bytes) throw new WireError(`${where} is not length-delimited`);
    return w.bytes;
  };
  const number = () => {
    if (w.value === undefined) throw new WireError(`${where} is not a number`);
    return w.value;
  };
  switch (type) {
    case 'string':
      return bytes().toString('utf8');
    case 'bytes':
      return bytes();
    case 'int':
      return signed(number());
    case 'bool':
      return number() !== 0n;
    case 'intOrString': {
      const v = message('IntOrString', bytes(), { 1: f('type', I), 2: f('intVal', I), 3: f('strVal', S) }) as { type?: number; intVal?: number; strVal?: string };
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    }
    case 'quantity':
      return (message('Quantity', bytes(), { 1: f('string', S) }) as { string?: string }).string ?? '0';
    case 'time': {
      const t = message('Time', bytes(), { 1: f('seconds', I), 2: f('nanos', I) }) as { seconds?: number; nanos?: number };
      // The zero time is null in Go's JSON (`creationTimestamp: null`).
      return t.seconds || t.nanos ? new Date((t.seconds ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
    }
    default:
      throw new WireError(`${where} has a map type`);
  }
}

const isZero = (v: unknown) => v === '' || v === 0 || v === false || v === undefined;

function message(name: string, buf: Buffer, schema: Record<number, Field> = MESSAGES[name]!): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = new Set<string>();
  for (const w of wireFields(buf)) {
    const field = schema[w.number];
    if (!field) {
      if (empty(w)) continue;
      throw refuse(`field ${w.number} of ${name} is not simulated`);
    }
    const where = `${name}.${field.json}`;
    const nested = field.type in MESSAGES || field.type === 'stringMap' || field.type === 'quantityMap';
    if (nested && !w.bytes) throw new WireError(`${where} is not length-delimited`);
    let value: unknown;
    if (field.type === 'stringMap' || field.type === 'quantityMap') {
      const entry = message(`${where} entry`, w.bytes!, { 1: f('key', S), 2: f('value', field.type === 'stringMap' ? S : 'quantity') });
      const map = (out[field.json] ??= {}) as Record<string, unknown>;
      map[String(entry.key ?? '')] = entry.value ?? (field.type === 'stringMap' ? '' : '0');
      set.add(field.json);
      continue;
    }
    if (field.type in MESSAGES) value = message(field.type, w.bytes!);
    else value = leaf(field.type as Leaf, w, where);
    if (field.inline) {
      Object.assign(out, value);
      continue;
    }
    if (field.repeated) ((out[field.json] ??= []) as unknown[]).push(value);
    else out[field.json] = value;
    set.add(field.json);
  }
  // Go's JSON leaves out unset scalars (omitempty); pointers are set because they were sent.
  for (const field of Object.values(schema)) {
    if (!set.has(field.json) || field.pointer || field.repeated || field.inline) continue;
    if (field.type in MESSAGES) continue;
    if (isZero(out[field.json])) delete out[field.json];
  }
  return out;
}

export const isProtobuf = (body: Buffer) => body.length >= MAGIC.length && body.subarray(0, MAGIC.length).equals(MAGIC);

/** The JSON object of a protobuf request body (415 UnsupportedMediaType for what is not simulated). */
export function decodeProtobufObject(body: Buffer): KubeObject {
  if (!isProtobuf(body)) throw refuse('no "k8s\\0" prefix');
  try {
    const unknown = message('Unknown', body.subarray(MAGIC.length)) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Buffer; contentEncoding?: string };
    const { apiVersion, kind } = unknown.typeMeta ?? {};
    if (unknown.contentEncoding) throw refuse(`content encoding ${unknown.contentEncoding}`);
    const messageName = KINDS[`${apiVersion}/${kind}`];
    if (!messageName) throw refuse(`it is read for ${Object.keys(KINDS).join(', ')}, not ${apiVersion}/${kind}`);
    return { apiVersion, kind, ...message(messageName, unknown.raw ?? Buffer.alloc(0)) } as KubeObject;
  } catch (err) {
    if (err instanceof WireError) throw refuse(err.message);
    throw err;
  }
}
