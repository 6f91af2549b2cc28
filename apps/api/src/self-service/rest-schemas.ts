import type { ApiBodyOptions } from '@nestjs/swagger';

type SchemaObject = Extract<ApiBodyOptions, { schema: unknown }>['schema'] & { properties?: unknown };

/** OpenAPI shapes of the REST bodies (maps are JSON objects here; GraphQL uses key/value lists). */
const map: SchemaObject = { type: 'object', additionalProperties: { type: 'string' } };
const portOrName: SchemaObject = { oneOf: [{ type: 'integer' }, { type: 'string' }] };

const serviceFields: Record<string, SchemaObject> = {
  type: { type: 'string', enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
  headless: { type: 'boolean' },
  selector: map,
  ports: {
    type: 'array',
    items: {
      type: 'object',
      required: ['port'],
      properties: {
        name: { type: 'string' },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        targetPort: portOrName,
        protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
        nodePort: { type: 'integer', minimum: 30000, maximum: 32767 },
        appProtocol: { type: 'string' },
      },
    },
  },
  externalName: { type: 'string' },
  labels: map,
  annotations: map,
};

export const CREATE_SERVICE_BODY: SchemaObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, ...serviceFields } };
export const UPDATE_SERVICE_BODY: SchemaObject = {
  type: 'object',
  description: 'Fields left out stay as they are; null clears',
  properties: { ...serviceFields, resourceVersion: { type: 'string' } },
};

export const EXPOSE_BODY: SchemaObject = {
  type: 'object',
  required: ['via'],
  properties: {
    via: { type: 'string', enum: ['NODE_PORT', 'LOAD_BALANCER', 'INGRESS'] },
    nodePort: { type: 'integer' },
    host: { type: 'string' },
    path: { type: 'string' },
    pathType: { type: 'string', enum: ['Prefix', 'Exact', 'ImplementationSpecific'] },
    ingressClassName: { type: 'string' },
    tls: { type: 'object', properties: { secretName: { type: 'string' } } },
    port: portOrName,
    ingressName: { type: 'string' },
  },
};

export const UNEXPOSE_BODY: SchemaObject = {
  type: 'object',
  required: ['via'],
  properties: { via: { type: 'string', enum: ['NODE_PORT', 'LOAD_BALANCER', 'INGRESS'] }, host: { type: 'string' }, path: { type: 'string' }, ingressName: { type: 'string' } },
};

const ingressFields: Record<string, SchemaObject> = {
  ingressClassName: { type: 'string' },
  rules: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        host: { type: 'string' },
        paths: {
          type: 'array',
          items: {
            type: 'object',
            required: ['pathType', 'service', 'port'],
            properties: { path: { type: 'string' }, pathType: { type: 'string', enum: ['Prefix', 'Exact', 'ImplementationSpecific'] }, service: { type: 'string' }, port: portOrName },
          },
        },
      },
    },
  },
  tls: { type: 'array', items: { type: 'object', properties: { hosts: { type: 'array', items: { type: 'string' } }, secretName: { type: 'string' } } } },
  defaultBackend: { type: 'object', properties: { service: { type: 'string' }, port: portOrName } },
  labels: map,
  annotations: map,
};

export const CREATE_INGRESS_BODY: SchemaObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, ...ingressFields } };
export const UPDATE_INGRESS_BODY: SchemaObject = { type: 'object', description: 'Fields left out stay as they are; null clears', properties: { ...ingressFields, resourceVersion: { type: 'string' } } };
