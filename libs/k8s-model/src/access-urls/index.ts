export * from './types.js';
export * from './scheme.js';
export * from './ip-order.js';
export * from './ingress-urls.js';
export * from './service-urls.js';
export * from './presentation.js';
