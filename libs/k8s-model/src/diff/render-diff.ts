import type { DiffEntry } from './diff-objects.js';

const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v));

/**
 * One line per entry, unified-diff style: `+ path: value`, `- path: value`,
 * `~ path: before → after`. Values are compact JSON so strings stay quoted and a
 * number never looks like a port name. The whole object is shown as path "(object)".
 * No entries → "" (the caller says "no changes" in its own words).
 */
export function renderDiff(entries: DiffEntry[]): string {
  return entries
    .map((e) => {
      const path = e.path || '(object)';
      if (e.op === 'add') return `+ ${path}: ${show(e.after)}`;
      if (e.op === 'remove') return `- ${path}: ${show(e.before)}`;
      return `~ ${path}: ${show(e.before)} → ${show(e.after)}`;
    })
    .join('\n');
}
