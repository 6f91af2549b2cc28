export * from './top-owner.js';
