export * from './issues.js';
export * from './names.js';
export * from './host.js';
export * from './service-input.js';
export * from './ingress-input.js';
export * from './expose-input.js';
export * from './cluster-input.js';
export * from './token-input.js';
