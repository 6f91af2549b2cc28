export * from './roles.js';
export * from './namespace-pattern.js';
export * from './access-scope.js';
