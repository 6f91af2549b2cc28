import { describe, expect, it } from 'vitest';
import { rng } from '../../test/builders.js';
import { validateIngressInput } from '../index.js';

const path = (p: Record<string, unknown> = {}) => ({ path: '/', pathType: 'Prefix', service: 'web', port: 80, ...p });
const base = { name: 'web', ingressClassName: 'nginx', rules: [{ host: 'app.example.com', paths: [path()] }], tls: [{ hosts: ['app.example.com'], secretName: 'app-tls' }] };
const issues = (input: unknown) => validateIngressInput(input).map((i) => `${i.rule} | ${i.message}`);

describe('validateIngressInput', () => {
  it.each([
    ['host + TLS', base],
    ['several rules and paths, port by name', { name: 'multi', rules: [{ host: 'a.example.com', paths: [path(), path({ path: '/api', pathType: 'Exact', service: 'api', port: 'http' })] }, { host: 'b.example.com', paths: [path()] }] }],
    ['wildcard host and wildcard TLS', { name: 'w', rules: [{ host: '*.example.com', paths: [path()] }], tls: [{ hosts: ['*.example.com'] }] }],
    ['wildcard TLS covering a rule host', { name: 'w', rules: [{ host: 'a.example.com', paths: [path()] }], tls: [{ hosts: ['*.example.com'], secretName: 'wild' }] }],
    ['rule without host', { name: 'nohost', rules: [{ paths: [path()] }] }],
    ['only a default backend', { name: 'db', defaultBackend: { service: 'web', port: 80 } }],
    ['ImplementationSpecific regex path', { name: 're', rules: [{ host: 'a.example.com', paths: [path({ pathType: 'ImplementationSpecific', path: '/api/(.*)' })] }] }],
    ['ImplementationSpecific without path', { name: 're', rules: [{ host: 'a.example.com', paths: [path({ pathType: 'ImplementationSpecific', path: undefined })] }] }],
  ])('accepts %s', (_l, input) => expect(validateIngressInput(input)).toEqual([]));

  it.each<[string, unknown, string[]]>([
    ['path without leading slash', { ...base, rules: [{ host: 'app.example.com', paths: [path({ path: 'api' })] }] }, ['absolutePath | rules[0].paths[0].path: must be an absolute path starting with \'/\', got "api"']],
    ['empty Prefix path', { ...base, rules: [{ host: 'app.example.com', paths: [path({ path: '' })] }] }, ["absolutePath | rules[0].paths[0].path: must be an absolute path starting with '/' for pathType Prefix"]],
    ['path traversal', { ...base, rules: [{ host: 'app.example.com', paths: [path({ path: '/a/../b' })] }] }, ['invalidPath | rules[0].paths[0].path: must not contain \'/../\', got "/a/../b"']],
    ['missing pathType', { ...base, rules: [{ host: 'app.example.com', paths: [path({ pathType: undefined })] }] }, ['required | rules[0].paths[0].pathType: is required: one of Exact, Prefix, ImplementationSpecific']],
    ['bad pathType', { ...base, rules: [{ host: 'app.example.com', paths: [path({ pathType: 'Regex' })] }] }, ['notSupported | rules[0].paths[0].pathType: unsupported value "Regex": supported values: "Exact", "Prefix", "ImplementationSpecific"']],
    ['invalid host', { ...base, rules: [{ host: 'App_.example.com', paths: [path()] }], tls: [] }, [expect.stringMatching(/^dns1123Subdomain \| rules\[0\]\.host: a lowercase RFC 1123 subdomain/) as unknown as string]],
    ['IP host', { ...base, rules: [{ host: '10.0.0.1', paths: [path()] }], tls: [] }, ['ipHost | rules[0].host: must be a DNS name, not an IP address, got "10.0.0.1"']],
    ['bad wildcard', { ...base, rules: [{ host: 'a.*.example.com', paths: [path()] }], tls: [] }, ["wildcardHost | rules[0].host: a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain (e.g. '*.example.com'), got \"a.*.example.com\""]],
    ['TLS host not in any rule', { ...base, tls: [{ hosts: ['other.example.com'], secretName: 'x' }] }, ['hostNotInRules | tls[0].hosts[0]: host "other.example.com" does not appear in any rule (rule hosts: app.example.com)']],
    ['no rules, no default backend', { name: 'empty' }, ['required | rules: at least one rule or a defaultBackend is required']],
    ['rule without paths', { name: 'x', rules: [{ host: 'a.example.com' }] }, ['required | rules[0].paths: at least one path is required']],
    ['backend service missing', { name: 'x', rules: [{ paths: [path({ service: undefined })] }] }, ['required | rules[0].paths[0].service: is required']],
    ['backend port 0', { name: 'x', rules: [{ paths: [path({ port: 0 })] }] }, ['range | rules[0].paths[0].port: must be between 1 and 65535, got 0']],
    ['backend port missing', { name: 'x', rules: [{ paths: [path({ port: undefined })] }] }, ['required | rules[0].paths[0].port: is required']],
    ['bad name and class', { ...base, name: 'Web', ingressClassName: 'Nginx' }, [expect.stringMatching(/^dns1123Subdomain \| name: /) as unknown as string, expect.stringMatching(/^dns1123Subdomain \| ingressClassName: /) as unknown as string]],
    ['bad secret name', { ...base, tls: [{ hosts: ['app.example.com'], secretName: 'TLS' }] }, [expect.stringMatching(/^dns1123Subdomain \| tls\[0\]\.secretName: /) as unknown as string]],
  ])('rejects %s', (_l, input, expected) => expect(issues(input)).toEqual(expected));

  it('returns every problem at once', () => {
    const got = validateIngressInput({ name: 'x', rules: [{ host: '1.2.3.4', paths: [path({ path: 'nope', pathType: 'Bad', port: 99999 })] }], tls: [{ hosts: ['z.example.com'] }] });
    expect(got.map((i) => `${i.field}:${i.rule}`)).toEqual(['rules[0].host:ipHost', 'rules[0].paths[0].pathType:notSupported', 'rules[0].paths[0].path:absolutePath', 'rules[0].paths[0].port:range', 'tls[0].hosts[0]:hostNotInRules']);
  });

  it('injected faults are each reported, in any combination (seeded)', () => {
    const faults: [string, string, (s: any) => void][] = [
      ['rules[0].host', 'ipHost', (s) => (s.rules[0].host = '192.168.1.1')],
      ['rules[0].paths[0].path', 'absolutePath', (s) => (s.rules[0].paths[0].path = 'x')],
      ['rules[1].paths[0].pathType', 'notSupported', (s) => (s.rules[1].paths[0].pathType = 'Glob')],
      ['rules[1].paths[0].port', 'ianaSvcName', (s) => (s.rules[1].paths[0].port = 'Not_A_Name')],
      ['tls[0].hosts[1]', 'hostNotInRules', (s) => s.tls[0].hosts.push('stray.example.com')],
      ['name', 'dns1123Subdomain', (s) => (s.name = '-x')],
    ];
    const r = rng(11);
    for (let i = 0; i < 200; i++) {
      const ing: any = { name: 'web', rules: [{ host: 'a.example.com', paths: [path()] }, { host: 'b.example.com', paths: [path({ path: '/b' })] }], tls: [{ hosts: ['b.example.com'], secretName: 's' }] };
      const chosen = faults.filter(() => r.bool(0.4));
      for (const [, , f] of chosen) f(ing);
      const got = new Set(validateIngressInput(ing).map((g) => `${g.field}|${g.rule}`));
      for (const [field, rule] of chosen) expect(got, JSON.stringify(ing)).toContain(`${field}|${rule}`);
      if (!chosen.length) expect(got.size).toBe(0);
    }
  });
});
