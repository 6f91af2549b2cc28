import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { WRITE_VERBS, WRITTEN_RESOURCES } from '../../src/self-service/kube-objects.js';
import { KIND_SPECS } from '../../src/sync/kind-specs.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const OVERLAYS = ['demo', 'production'] as const;

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: any };

/** What `kubectl apply -k` would send: kubectl's built-in kustomize. */
function render(overlay: string): Obj[] {
  const text = execFileSync('kubectl', ['kustomize', path.join(root, 'deploy/kubernetes/overlays', overlay)], { encoding: 'utf8' });
  const objects = parseAllDocuments(text).map((d) => d.toJSON() as Obj).filter(Boolean);
  // kustomize wraps long base64 values over lines; the API server's decoder skips the newlines.
  for (const o of objects) if (o.kind === 'Secret' && o.data) for (const k of Object.keys(o.data)) o.data[k] = o.data[k].replace(/\s+/g, '');
  return objects;
}

/**
 * Schema check against the Kubernetes API types (kubernetes-models, generated from the
 * upstream OpenAPI): its validators check types and required fields; TypeScript's
 * excess-property check on the same types catches misspelt or misplaced fields
 * (which the API server would refuse under kubectl's default strict validation).
 */
function schemaProblems(objects: Obj[]): string[] {
  const problems: string[] = [];
  // Inside node_modules, so the types resolve from the workspace's packages.
  mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(root, 'node_modules/.cache/switchboard-manifests-'));
  try {
    const files = objects.map((o, i) => {
      const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
      const modulePath = `kubernetes-models/${group ? `${group}/` : ''}${version}/${o.kind}`;
      const Model = require(modulePath)[o.kind];
      try {
        new Model(o).validate();
      } catch (err) {
        problems.push(`${o.kind}/${o.metadata.name}: ${(err as Error).message}`);
      }
      const file = path.join(dir, `o${i}.ts`);
      writeFileSync(file, `export const o: import(${JSON.stringify(modulePath)}).I${o.kind} = ${JSON.stringify(o, null, 1)};\n`);
      return file;
    });
    const program = ts.createProgram(files, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const o = d.file ? objects[files.indexOf(d.file.fileName)] : undefined;
      problems.push(`${o ? `${o.kind}/${o.metadata.name}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

const require = createRequire(import.meta.url);

const byKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);
const one = (objects: Obj[], kind: string, name: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${kind}/${name} is not rendered`);
  return o;
};
const workloads = (objects: Obj[]) => objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
/** [apiGroup, resource] of a list/watch path such as /apis/discovery.k8s.io/v1/endpointslices. */
const resourceOf = (p: string): [string, string] => {
  const parts = p.split('/').filter(Boolean);
  return parts[0] === 'api' ? ['', parts[2]!] : [parts[1]!, parts[3]!];
};
/** Rules as comparable "group/resource: verbs" lines. */
const ruleLines = (rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[]) =>
  rules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}: ${[...r.verbs].sort().join(',')}`))).sort();

describe.skipIf(!hasKubectl)('deploy/kubernetes: the kustomize overlays', () => {
  const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(o)])) as Record<(typeof OVERLAYS)[number], Obj[]>;

  it.each(OVERLAYS)('%s renders objects that are valid against the Kubernetes API types', (overlay) => {
    expect(rendered[overlay].length).toBeGreaterThan(10);
    expect(schemaProblems(rendered[overlay])).toEqual([]);
  });

  it('the schema check catches a misspelt field and a wrong type (so the check above means something)', () => {
    const misspelt = structuredClone(one(rendered.production, 'Deployment', 'switchboard-api'));
    misspelt.spec.replica = 2;
    const deep = structuredClone(one(rendered.production, 'Deployment', 'switchboard-sync'));
    deep.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
    const service = structuredClone(one(rendered.production, 'Service', 'switchboard-api'));
    service.spec.ports[0].port = 'four thousand';
    const problems = schemaProblems([misspelt, deep, service]);
    expect(problems.find((p) => p.startsWith('Deployment/switchboard-api:'))).toMatch(/'"?replica"?' does not exist/);
    expect(problems.find((p) => p.startsWith('Deployment/switchboard-sync:'))).toMatch(/'"?readOnlyRootFileSystem"?' does not exist/);
    expect(problems.filter((p) => p.startsWith('Service/switchboard-api:')).join('\n')).toMatch(/port must be integer/);
  });

  it('grants exactly what the code calls: get/list/watch on the mirrored kinds, create/patch/delete on what self-service writes', () => {
    for (const objects of Object.values(rendered)) {
      const read = one(objects, 'ClusterRole', 'switchboard-read');
      expect(ruleLines(read.rules)).toEqual(KIND_SPECS.map((k) => `${resourceOf(k.path).join('/')}: get,list,watch`).sort());
      const write = one(objects, 'ClusterRole', 'switchboard-write');
      expect(ruleLines(write.rules)).toEqual(Object.values(WRITTEN_RESOURCES).map((r) => `${r.group}/${r.resource}: ${[...WRITE_VERBS].sort().join(',')}`).sort());
      for (const role of ['switchboard-read', 'switchboard-write']) {
        const binding = one(objects, 'ClusterRoleBinding', role);
        expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role });
        expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'switchboard', namespace: objects.find((o) => o.kind === 'Namespace')!.metadata.name }]);
      }
      // Only the pods that talk to clusters carry the identity; the dashboard has no token at all.
      for (const w of byKind(objects, 'Deployment')) {
        const spec = w.spec.template.spec;
        if (w.metadata.name === 'switchboard-web') expect([spec.serviceAccountName, spec.automountServiceAccountToken]).toEqual(['switchboard-web', false]);
        else expect(spec.serviceAccountName).toBe('switchboard');
      }
    }
  });

  it('production runs two API replicas that serve and two that sync, with disruption budgets', () => {
    const p = rendered.production;
    const env = (name: string) => one(p, 'Deployment', name).spec.template.spec.containers[0].env as { name: string; value?: string }[];
    expect(one(p, 'Deployment', 'switchboard-api').spec.replicas).toBe(2);
    expect(env('switchboard-api').find((e) => e.name === 'ROLE')?.value).toBe('api');
    expect(one(p, 'Deployment', 'switchboard-sync').spec.replicas).toBe(2);
    expect(env('switchboard-sync').find((e) => e.name === 'ROLE')?.value).toBe('sync');
    expect(byKind(p, 'PodDisruptionBudget').map((b) => b.spec.selector.matchLabels['app.kubernetes.io/name']).sort()).toEqual(['switchboard-api', 'switchboard-sync', 'switchboard-web']);
    expect(byKind(p, 'Secret')).toEqual([]);
    expect(byKind(p, 'StatefulSet')).toEqual([]);
  });

  it('every pod is hardened, probed and sized', () => {
    for (const objects of Object.values(rendered)) {
      for (const w of workloads(objects)) {
        const pod = w.spec.template.spec;
        expect(pod.securityContext, w.metadata.name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
        for (const c of pod.containers) {
          const at = `${w.metadata.name}/${c.name}`;
          expect(c.securityContext, at).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
          expect(c.resources?.requests?.cpu && c.resources?.requests?.memory && c.resources?.limits?.memory, at).toBeTruthy();
          expect(c.readinessProbe && c.livenessProbe, at).toBeTruthy();
          if (c.image.startsWith('switchboard-api')) {
            expect(c.readinessProbe.httpGet.path, at).toBe('/readyz');
            expect(c.livenessProbe.httpGet.path, at).toBe('/healthz');
          }
        }
      }
    }
  });

  it('references secrets and never inlines them; each API container starts with what the manifests give it', () => {
    const SECRET_VARS = ['DATABASE_URL', 'SWITCHBOARD_SECRET_KEY', 'SWITCHBOARD_ADMIN_TOKEN', 'OIDC_CLIENT_SECRET', 'POSTGRES_PASSWORD'];
    for (const [overlay, objects] of Object.entries(rendered)) {
      const configMap = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('switchboard'))!;
      for (const w of workloads(objects)) {
        for (const c of w.spec.template.spec.containers) {
          const env: Record<string, string> = { KUBERNETES_SERVICE_HOST: '10.96.0.1' };
          for (const e of c.env ?? []) {
            if (SECRET_VARS.includes(e.name)) expect(e.valueFrom?.secretKeyRef?.name, `${overlay} ${w.metadata.name} ${e.name}`).toBe('switchboard');
            // What an operator's Secret holds (optional keys left out, as a minimal Secret would).
            if (e.value !== undefined) env[e.name] = e.value;
            else if (!e.valueFrom?.secretKeyRef?.optional) env[e.name] = e.name === 'SWITCHBOARD_SECRET_KEY' ? 'ab'.repeat(32) : e.name === 'DATABASE_URL' ? 'postgresql://u:p@db:5432/switchboard' : 'x'.repeat(32);
          }
          for (const ref of c.envFrom ?? []) {
            expect(ref.configMapRef?.name, `${overlay} ${w.metadata.name}`).toBe(configMap.metadata.name);
            Object.assign(env, configMap.data);
          }
          if (!c.image.startsWith('switchboard-api')) continue;
          // The API's own configuration loader accepts it (a misspelt variable is caught by the README test).
          const config = loadConfig(env);
          expect(config.database.kind, `${overlay} ${w.metadata.name}`).toBe('postgres');
        }
      }
    }
    expect(loadConfig({ ...byKind(rendered.production, 'ConfigMap')[0]!.data, KUBERNETES_SERVICE_HOST: '10.96.0.1' }).inCluster.registerAs).toBe('in-cluster');
  });

  it('lets only the dashboard and the ingress controller reach the API', () => {
    for (const objects of Object.values(rendered)) {
      const policy = one(objects, 'NetworkPolicy', 'switchboard-api');
      expect(policy.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'switchboard-api' });
      expect(policy.spec.policyTypes).toEqual(['Ingress']);
      expect(policy.spec.ingress).toHaveLength(1);
      expect(policy.spec.ingress[0].from).toEqual([
        { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'switchboard-web' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      ]);
      const apiPod = one(objects, 'Deployment', 'switchboard-api').spec.template.metadata.labels;
      expect(apiPod['app.kubernetes.io/name']).toBe('switchboard-api');
    }
  });

  it('the demo overlay runs PostgreSQL in the cluster and one all-in-one API with the simulated clusters', () => {
    const d = rendered.demo;
    expect(one(d, 'StatefulSet', 'switchboard-postgres').spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('5Gi');
    const api = one(d, 'Deployment', 'switchboard-api');
    expect(api.spec.replicas).toBe(1);
    expect(api.spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === 'ROLE').value).toBe('all');
    expect(d.find((o) => o.kind === 'Deployment' && o.metadata.name === 'switchboard-sync')).toBeUndefined();
    expect(byKind(d, 'ConfigMap')[0]!.data.SWITCHBOARD_DEMO).toBe('1');
  });
});
