import type { KubeObject } from './kube-object.js';

export interface GenerateOptions {
  seed: number;
  namespaces: number;
  servicesPerNamespace: number;
  podsPerService: number;
  ingressesPerNamespace: number;
}

/** Deterministic pseudo-random numbers (mulberry32): the same seed replays the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['payments', 'checkout', 'search', 'catalog', 'identity', 'billing', 'shipping', 'reviews', 'media', 'analytics'];
const APPS = ['api', 'web', 'worker', 'cache', 'gateway', 'auth', 'db-proxy', 'metrics', 'queue', 'frontend', 'grpc-backend', 'admin'];

/**
 * A realistic spread of namespaces, deployments (pods), services of every kind and
 * ingresses, the same for the same seed.
 */
export function generateObjects(o: GenerateOptions): KubeObject[] {
  const rand = rng(o.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: KubeObject[] = [];
  for (let n = 0; n < o.namespaces; n++) {
    const ns = `${TEAMS[n % TEAMS.length]}${n >= TEAMS.length ? `-${Math.floor(n / TEAMS.length)}` : ''}`;
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { team: TEAMS[n % TEAMS.length]!, environment: pick(['prod', 'staging']) } } });
    const services: string[] = [];
    for (let s = 0; s < o.servicesPerNamespace; s++) {
      const app = `${APPS[s % APPS.length]}${s >= APPS.length ? `-${Math.floor(s / APPS.length)}` : ''}`;
      services.push(app);
      const grpc = app.startsWith('grpc');
      const port = grpc ? 9090 : pick([80, 8080, 3000]);
      const labels = { app, tier: pick(['frontend', 'backend']), 'app.kubernetes.io/part-of': TEAMS[n % TEAMS.length]! };
      if (o.podsPerService > 0) {
        out.push({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: app, namespace: ns, labels },
          spec: {
            replicas: o.podsPerService,
            selector: { matchLabels: { app } },
            template: { metadata: { labels: { app, tier: labels.tier } }, spec: { containers: [{ name: app, image: `${app}:1.0`, ports: [{ name: grpc ? 'grpc' : 'http', containerPort: port }] }] } },
          },
        });
      }
      const r = rand();
      const type = r < 0.08 ? 'NodePort' : r < 0.12 ? 'LoadBalancer' : 'ClusterIP';
      out.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: app, namespace: ns, labels },
        spec: {
          type,
          ...(r > 0.97 ? { clusterIP: 'None' } : {}),
          selector: { app },
          ports: [{ name: grpc ? 'grpc' : 'http', port: grpc ? 9090 : 80, targetPort: grpc ? 'grpc' : port, ...(grpc ? { appProtocol: 'grpc' } : {}) }],
        },
      });
    }
    for (let i = 0; i < o.ingressesPerNamespace && services.length; i++) {
      const host = `${services[i % services.length]}-${ns}.example.com`;
      out.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: `${services[i % services.length]}-ingress`, namespace: ns },
        spec: {
          ingressClassName: 'nginx',
          tls: rand() < 0.6 ? [{ hosts: [host], secretName: `${ns}-tls` }] : undefined,
          rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: services[i % services.length]!, port: { number: 80 } } } }] } }],
        },
      });
    }
  }
  return out;
}
