export { diffObjects, type DiffEntry } from './diff-objects.js';
export { renderDiff } from './render-diff.js';
