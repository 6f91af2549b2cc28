import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, type Project, projects, root, sourceFiles } from './project-graph.js';

// The rules Nx tags express here: framework-free libs import nothing but each other
// and relative files; apps never import other apps; libs never import apps.
const all = projects();
const byPackage = new Map(all.map((p) => [p.packageName, p]));
const has = (p: Project, tag: string) => p.tags.includes(tag);

function ownerOf(file: string): Project | undefined {
  return all.find((p) => file.startsWith(p.dir + path.sep));
}

function targetOf(from: string, spec: string): Project | undefined {
  if (spec.startsWith('.')) return ownerOf(path.resolve(path.dirname(from), spec));
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  return byPackage.get(pkg);
}

describe('module boundaries', () => {
  it('finds the projects with their tags', () => {
    expect(all.map((p) => p.name).sort()).toEqual(expect.arrayContaining(['api', 'k8s-model', 'kube-sim', 'kube-sim-core', 'web']));
    for (const p of all) expect(p.tags.some((t) => t.startsWith('type:')), `${p.name} has a type: tag`).toBe(true);
  });

  // Pure parsers a framework-free rule may use: they read text into plain data and touch
  // nothing else (no I/O, no globals). The reachability rules read users' manifests with them.
  const PURE_PARSERS = new Set(['yaml', 'js-yaml']);

  it('keeps framework:none libraries free of frameworks, Node built-ins and npm packages (bar pure parsers)', () => {
    const violations: string[] = [];
    for (const p of all.filter((x) => has(x, 'framework:none'))) {
      for (const file of sourceFiles(p.dir)) {
        if (!file.includes(`${path.sep}src${path.sep}`)) continue;
        for (const spec of importsOf(file)) {
          if (spec.startsWith('.')) continue;
          const target = targetOf(file, spec);
          if (target && has(target, 'framework:none')) continue;
          if (PURE_PARSERS.has(spec)) continue;
          violations.push(`${path.relative(root, file)} imports "${spec}"`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('never lets an app import another app, or a lib import an app', () => {
    const violations: string[] = [];
    for (const p of all) {
      for (const file of sourceFiles(p.dir, { includeTests: true })) {
        for (const spec of importsOf(file)) {
          const target = targetOf(file, spec);
          if (!target || target === p) continue;
          if (has(target, 'type:app')) violations.push(`${path.relative(root, file)} (${p.name}) imports app ${target.name} via "${spec}"`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('has no import cycle inside a project, type-only imports included', () => {
    const cycles: string[] = [];
    for (const p of all) {
      const files = new Set(sourceFiles(p.dir));
      const edges = new Map([...files].map((f) => [f, importsOf(f).filter((s) => s.startsWith('.')).map((s) => resolveRelative(f, s)).filter((t) => t !== undefined && files.has(t)) as string[]]));
      for (const cycle of stronglyConnected(edges)) cycles.push(cycle.map((f) => path.relative(root, f)).join(' → '));
    }
    expect(cycles).toEqual([]);
  });
});

/** The file a relative specifier names (`./x.js` is `./x.ts` in the sources). */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec).replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}.mjs`, `${base}.js`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/** Groups of files that import each other (Tarjan's algorithm): every group of two or more is a cycle. */
function stronglyConnected(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1) out.push(group.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}
