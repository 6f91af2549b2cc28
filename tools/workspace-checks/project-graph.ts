import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Project {
  name: string;
  packageName: string;
  dir: string;
  tags: string[];
}

/** Every Nx project under apps/ and libs/, with its tags from project.json. */
export function projects(): Project[] {
  const out: Project[] = [];
  for (const group of ['apps', 'libs']) {
    for (const entry of readdirSync(path.join(root, group), { withFileTypes: true })) {
      const dir = path.join(root, group, entry.name);
      if (!entry.isDirectory() || !existsSync(path.join(dir, 'project.json'))) continue;
      const project = JSON.parse(readFileSync(path.join(dir, 'project.json'), 'utf8'));
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      out.push({ name: project.name, packageName: pkg.name, dir, tags: project.tags ?? [] });
    }
  }
  return out;
}

/** Source files of a project (not tests, not generated or built output). */
export function sourceFiles(dir: string, opts: { includeTests?: boolean } = {}): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.next', 'generated'].includes(e.name)) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!opts.includeTests && e.name === 'test') continue;
        walk(p);
      } else if (/\.(ts|tsx|mts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        if (!opts.includeTests && /\.(spec|test)\.tsx?$/.test(e.name)) continue;
        files.push(p);
      }
    }
  };
  walk(dir);
  return files;
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = new Set<string>();
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g)) specs.add(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) specs.add(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.add(m[1]!);
  return [...specs];
}
