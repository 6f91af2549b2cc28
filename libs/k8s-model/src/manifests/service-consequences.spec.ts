import { describe, expect, it } from 'vitest';
import { serviceChangeConsequences, type ServiceNow } from './service-consequences.js';

const nodePort: ServiceNow = { type: 'NodePort', headless: false, clusterIp: '10.96.0.7', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }], loadBalancerIngress: [] };
const lb: ServiceNow = { ...nodePort, type: 'LoadBalancer', loadBalancerIngress: [{ ip: '203.0.113.9' }] };
const clusterIp: ServiceNow = { ...nodePort, type: 'ClusterIP', ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: null }] };
const http = [{ name: 'http', port: 80 }];

describe('serviceChangeConsequences', () => {
  it.each([
    ['NodePort → ClusterIP releases the node port', nodePort, { name: 'web', type: 'ClusterIP', selector: { app: 'web' }, ports: http }, ['node port 30080 will be released: nothing will answer on it on the nodes any more']],
    ['LoadBalancer → ClusterIP releases node port and address', lb, { name: 'web', type: 'ClusterIP', selector: { app: 'web' }, ports: http }, ['node port 30080 will be released: nothing will answer on it on the nodes any more', 'the load balancer address 203.0.113.9 will be released']],
    ['ClusterIP → NodePort opens node ports', clusterIp, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: http }, ['node ports will be allocated (30000–32767) and open on every node']],
    ['ClusterIP → LoadBalancer with a chosen node port', clusterIp, { name: 'web', type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, nodePort: 31000 }] }, ['node port 31000 will open on every node', 'a load balancer will be requested; its address stays pending until the cluster assigns one']],
    ['a removed port with its node port', { ...nodePort, ports: [...nodePort.ports, { name: 'admin', port: 9000, protocol: 'TCP', nodePort: 30900 }] }, { name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: http }, ['node port 30900 will be released', 'port 9000/TCP (admin) will no longer be served']],
    ['→ ExternalName releases the cluster IP', clusterIp, { name: 'web', type: 'ExternalName', externalName: 'db.example.com' }, ['cluster IP 10.96.0.7 will be released and its ports removed: the name becomes a DNS alias for db.example.com']],
    ['a new selector', clusterIp, { name: 'web', selector: { app: 'web2' }, ports: http }, ['the service will select different pods: its endpoints follow the new selector']],
    ['no selector', clusterIp, { name: 'web', ports: http }, ['the service will select no pods: its endpoints go away unless you manage them yourself']],
    ['nothing that matters', clusterIp, { name: 'web', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }, []],
  ] as const)('%s', (_, now, next, expected) => {
    expect(serviceChangeConsequences(now as ServiceNow, next as never)).toEqual(expected);
  });
});
