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

  it('keeps framework:none libraries free of frameworks, Node built-ins and npm packages', () => {
    const violations: string[] = [];
    for (const p of all.filter((x) => has(x, 'framework:none'))) {
      for (const file of sourceFiles(p.dir)) {
        if (!file.includes(`${path.sep}src${path.sep}`)) continue;
        for (const spec of importsOf(file)) {
          if (spec.startsWith('.')) continue;
          const target = targetOf(file, spec);
          if (target && has(target, 'framework:none')) continue;
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
});
