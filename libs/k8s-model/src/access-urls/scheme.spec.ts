import { describe, expect, it } from 'vitest';
import { schemeFor } from '../index.js';

describe('schemeFor: appProtocol, then port name, then well-known port, else transport', () => {
  it.each([
    // [appProtocol, name, port, protocol, scheme]
    ['kubernetes.io/h2c', '', 9000, 'TCP', 'http'],
    ['kubernetes.io/ws', '', 9000, 'TCP', 'ws'],
    ['kubernetes.io/wss', '', 9000, 'TCP', 'wss'],
    ['https', 'http', 80, 'TCP', 'https'],
    ['HTTP', '', 443, 'TCP', 'http'],
    ['grpc', '', 443, 'TCP', 'grpc'],
    ['postgresql', '', 5432, 'TCP', 'postgresql'],
    ['example.com/custom', 'https', 80, 'TCP', 'https'],
    [null, 'http', 9000, 'TCP', 'http'],
    [null, 'https', 9000, 'TCP', 'https'],
    [null, 'grpc', 9000, 'TCP', 'grpc'],
    [null, 'http-web', 9000, 'TCP', 'http'],
    [null, 'https-admin', 9000, 'TCP', 'https'],
    [null, 'grpc-api', 9000, 'TCP', 'grpc'],
    [null, 'httpbin', 9000, 'TCP', 'tcp'],
    [null, 'metrics', 80, 'TCP', 'http'],
    [null, '', 80, 'TCP', 'http'],
    [null, '', 8080, 'TCP', 'http'],
    [null, '', 443, 'TCP', 'https'],
    [null, '', 8443, 'TCP', 'https'],
    [null, '', 5432, 'TCP', 'tcp'],
    [null, 'dns', 53, 'UDP', 'udp'],
    [null, 'http', 80, 'UDP', 'udp'],
    [null, '', 80, 'SCTP', 'sctp'],
    ['kubernetes.io/h2c', '', 80, 'UDP', 'http'],
  ])('appProtocol %s, name %s, port %s/%s → %s', (appProtocol, name, port, protocol, scheme) => {
    expect(schemeFor({ appProtocol, name, port, protocol })).toBe(scheme);
  });
});
