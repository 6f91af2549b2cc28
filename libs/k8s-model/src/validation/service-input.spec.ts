import { describe, expect, it } from 'vitest';
import { rng } from '../../test/builders.js';
import { validateServiceInput, validateServiceUpdate, type ValidationIssue } from '../index.js';

const base = { name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] };
const issues = (input: unknown) => validateServiceInput(input).map((i) => `${i.rule} | ${i.message}`);

describe('validateServiceInput', () => {
  it.each([
    ['ClusterIP', base],
    ['NodePort with fixed node port', { ...base, type: 'NodePort', ports: [{ port: 80, nodePort: 30007 }] }],
    ['LoadBalancer', { ...base, type: 'LoadBalancer' }],
    ['headless without ports', { name: 'db', headless: true, selector: { app: 'db' } }],
    ['ExternalName', { name: 'ext', type: 'ExternalName', externalName: 'example.com.' }],
    ['two named ports, named target port, appProtocol', { ...base, ports: [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'kubernetes.io/h2c' }, { name: 'https', port: 443, protocol: 'TCP' }] }],
    ['same port, different protocol', { ...base, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] }],
    ['nodePort 0 means allocate', { ...base, ports: [{ port: 80, nodePort: 0 }] }],
    ['labels and annotations', { ...base, labels: { 'app.kubernetes.io/name': 'web', tier: '' }, annotations: { 'example.com/anything': 'free text: ok' } }],
  ])('accepts %s', (_l, input) => expect(validateServiceInput(input)).toEqual([]));

  // The bad inputs of issue #6, with the exact field, rule and message.
  it.each<[string, unknown, string[]]>([
    ['not an object', 'web', ['type | input: must be an object, got "web"']],
    ['missing name', { ports: [{ port: 80 }] }, ['required | name: is required']],
    ['invalid name', { ...base, name: 'My_Web' }, ["dns1035Label | name: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123'), got \"My_Web\""]],
    ['name starting with a digit', { ...base, name: '1web' }, [expect.stringMatching(/^dns1035Label \| name: /) as unknown as string]],
    ['too long name', { ...base, name: 'a'.repeat(64) }, [`tooLong | name: must be no more than 63 characters, got "${'a'.repeat(64)}"`]],
    ['port 0', { ...base, ports: [{ port: 0 }] }, ['range | ports[0].port: must be between 1 and 65535, got 0']],
    ['port 70000', { ...base, ports: [{ port: 70000 }] }, ['range | ports[0].port: must be between 1 and 65535, got 70000']],
    ['port not a number', { ...base, ports: [{ port: '80' }] }, ['type | ports[0].port: must be an integer, got "80"']],
    ['no ports', { ...base, ports: [] }, ['required | ports: at least one port is required']],
    ['node port out of range', { ...base, type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] }, ['range | ports[0].nodePort: must be between 30000 and 32767, got 29999']],
    ['node port on ClusterIP', { ...base, ports: [{ port: 80, nodePort: 30007 }] }, ['forbidden | ports[0].nodePort: may not be used when type is ClusterIP']],
    ['ExternalName with selector and ports', { name: 'ext', type: 'ExternalName', externalName: 'example.com', selector: { a: 'b' }, ports: [{ port: 80 }] }, ['forbidden | selector: may not be set when type is ExternalName', 'forbidden | ports: may not be set when type is ExternalName']],
    ['ExternalName without externalName', { name: 'ext', type: 'ExternalName' }, ['required | externalName: is required when type is ExternalName']],
    ['ExternalName with bad externalName', { name: 'ext', type: 'ExternalName', externalName: 'not a host' }, [expect.stringMatching(/^dns1123Subdomain \| externalName: a lowercase RFC 1123 subdomain/) as unknown as string]],
    ['headless ExternalName', { name: 'ext', type: 'ExternalName', externalName: 'example.com', headless: true }, ['forbidden | headless: may not be set when type is ExternalName']],
    ['externalName on ClusterIP', { ...base, externalName: 'example.com' }, ['forbidden | externalName: may only be set when type is ExternalName, got type ClusterIP']],
    ['headless NodePort', { ...base, type: 'NodePort', headless: true }, ['forbidden | headless: may not be set when type is NodePort']],
    ['headless LoadBalancer', { ...base, type: 'LoadBalancer', headless: true }, ['forbidden | headless: may not be set when type is LoadBalancer']],
    ['unknown type', { ...base, type: 'Ingress' }, ['notSupported | type: unsupported value "Ingress": supported values: "ClusterIP", "NodePort", "LoadBalancer", "ExternalName"']],
    ['unknown protocol', { ...base, ports: [{ port: 80, protocol: 'HTTP' }] }, ['notSupported | ports[0].protocol: unsupported value "HTTP": supported values: "TCP", "UDP", "SCTP"']],
    ['second port without a name', { ...base, ports: [{ name: 'http', port: 80 }, { port: 81 }] }, ['required | ports[1].name: is required when the service has more than one port']],
    ['duplicate port names', { ...base, ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }, ['duplicate | ports[1].name: duplicate value "http": also used by ports[0]']],
    ['port name too long', { ...base, ports: [{ name: 'a-very-long-port-name', port: 80 }] }, ['tooLong | ports[0].name: must be no more than 15 characters, got "a-very-long-port-name"']],
    ['duplicate protocol+port', { ...base, ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'TCP' }] }, ['duplicate | ports[1]: duplicate value {"protocol":"TCP","port":80}: also used by ports[0]']],
    ['duplicate node port', { ...base, type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 81, nodePort: 30001 }] }, ['duplicate | ports[1].nodePort: duplicate value 30001: also used by ports[0]']],
    ['target port 0', { ...base, ports: [{ port: 80, targetPort: 0 }] }, ['range | ports[0].targetPort: must be between 1 and 65535, got 0']],
    ['target port 65536', { ...base, ports: [{ port: 80, targetPort: 65536 }] }, ['range | ports[0].targetPort: must be between 1 and 65535, got 65536']],
    ['target port bad name', { ...base, ports: [{ port: 80, targetPort: 'Http_Port' }] }, ["ianaSvcName | ports[0].targetPort: must contain only lower case alphanumeric characters or '-', and start and end with an alphanumeric character, got \"Http_Port\""]],
    ['bad label', { ...base, labels: { 'bad key!': 'x' } }, [expect.stringMatching(/^qualifiedName \| labels\["bad key!"\]: key name part must consist of/) as unknown as string]],
    ['bad label value', { ...base, labels: { app: 'has space' } }, [expect.stringMatching(/^labelValue \| labels\["app"\]: a valid label must be an empty string/) as unknown as string]],
    ['bad selector value type', { ...base, selector: { app: 1 } }, ['type | selector["app"]: value must be a string, got 1']],
    ['ports not a list', { ...base, ports: { port: 80 } }, ['type | ports: must be a list, got an object', 'required | ports: at least one port is required']],
  ])('rejects %s', (_l, input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it('returns every problem at once', () => {
    const result = validateServiceInput({ name: 'Bad_Name', type: 'NodePort', headless: true, ports: [{ port: 70000, nodePort: 1 }, { port: 0 }] });
    expect(result.map((i) => `${i.field}:${i.rule}`)).toEqual(['name:dns1035Label', 'headless:forbidden', 'ports[0].name:required', 'ports[0].port:range', 'ports[0].nodePort:range', 'ports[1].name:required', 'ports[1].port:range']);
  });

  // Property: independent faults combine — each injected fault is reported on its own
  // field, no matter which others are present, and a clean input has no issue.
  it('each injected fault is reported, in any combination (seeded)', () => {
    const faults: [string, string, (s: Record<string, any>) => void][] = [
      ['name', 'dns1035Label', (s) => (s.name = 'UPPER')],
      ['ports[0].port', 'range', (s) => (s.ports[0].port = 0)],
      ['ports[1].nodePort', 'range', (s) => (s.ports[1].nodePort = 40000)],
      ['ports[1].protocol', 'notSupported', (s) => (s.ports[1].protocol = 'ICMP')],
      ['ports[0].targetPort', 'range', (s) => (s.ports[0].targetPort = 99999)],
      ['labels["x"]', 'labelValue', (s) => (s.labels = { x: '-bad-' })],
      ['selector["-k"]', 'qualifiedName', (s) => (s.selector = { '-k': 'v' })],
      ['ports[1].name', 'duplicate', (s) => (s.ports[1].name = s.ports[0].name)],
      ['ports[0].appProtocol', 'qualifiedName', (s) => (s.ports[0].appProtocol = 'not valid!')],
    ];
    const r = rng(2024);
    for (let i = 0; i < 200; i++) {
      const svc: Record<string, any> = { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'admin', port: 9000, nodePort: 30900 }] };
      const chosen = faults.filter(() => r.bool(0.4));
      for (const [, , apply] of chosen) apply(svc);
      const got: ValidationIssue[] = validateServiceInput(svc);
      const pairs = new Set(got.map((g) => `${g.field}|${g.rule}`));
      for (const [field, rule] of chosen) expect(pairs, `case ${i}: ${JSON.stringify(svc)}`).toContain(`${field}|${rule}`);
      if (chosen.length === 0) expect(got).toEqual([]);
      for (const g of got) expect(g.message.startsWith(`${g.field}: `)).toBe(true);
    }
  });
});

describe('validateServiceUpdate', () => {
  const current = { name: 'web', headless: false, type: 'ClusterIP' as const };
  it.each<[string, unknown, string[]]>([
    ['ClusterIP → NodePort is fine', { ...base, type: 'NodePort' }, []],
    ['ExternalName → ClusterIP is fine', { ...base }, []],
    ['to headless', { ...base, headless: true }, ['headless:immutable']],
    ['rename', { ...base, name: 'web2' }, ['name:immutable']],
  ])('%s', (_l, next, expected) => {
    const cur = _l.startsWith('ExternalName') ? { ...current, type: 'ExternalName' as const } : current;
    expect(validateServiceUpdate(cur, next).map((i) => `${i.field}:${i.rule}`)).toEqual(expected);
  });
  it('from headless explains the recreate', () => {
    expect(validateServiceUpdate({ ...current, headless: true }, base)[0]!.message).toBe('headless: a headless service cannot get a cluster IP in place: delete and recreate the service');
  });
});
