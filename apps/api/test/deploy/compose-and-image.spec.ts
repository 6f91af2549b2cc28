import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const compose = parse(read('docker-compose.yml')) as { services: Record<string, { build?: { target?: string }; command?: string[]; image?: string; profiles?: string[]; environment?: Record<string, string>; volumes?: string[] }>; volumes: Record<string, unknown> };
const dockerfile = read('Dockerfile');
/** Dockerfile stages: name → its instructions. */
const stages = new Map<string, string[]>();
{
  let current: string[] = [];
  for (const line of dockerfile.split('\n')) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.set(from[1] ?? `stage-${stages.size}`, (current = []));
    else if (/^\s*[A-Z]+\s/.test(line)) current.push(line.trim());
  }
}
/** Paths a runtime stage copies from the build stage, relative to the repository. */
const copiedFromBuild = (stage: string) =>
  (stages.get(stage) ?? []).flatMap((l) => {
    const m = /^COPY\s+--from=build\s+\/app\/(\S+)\s+\S+$/.exec(l);
    return m ? [m[1]!] : [];
  });
/** Where a path inside the image (/app/...) came from in the repository, or undefined. */
const sourceOf = (stage: string, file: string) => copiedFromBuild(stage).find((c) => file === c || file.startsWith(`${c}/`));

describe('docker-compose.yml and the Dockerfile', () => {
  it('is valid against the Compose specification schema', () => {
    // The Compose specification's own schema, as dclint (a maintained Compose linter) ships it.
    // Its $schema spells draft-07's address with https:, which Ajv knows by its http: name.
    const { $schema: _draft07, ...schema } = JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('dclint/package.json')), 'schemas/compose.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const ok = validate(compose);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) ?? []).toEqual([]);
    expect(ok).toBe(true);
    // And the check bites: a misspelt service key is refused.
    expect(validate({ services: { api: { imgae: 'x' } } })).toBe(false);
  });

  it('builds every service from a stage the Dockerfile has, and runs what that stage copies in', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      const target = service.build.target!;
      expect([...stages.keys()], `${name}'s target`).toContain(target);
      const cmd = service.command ?? JSON.parse(/^CMD\s+(\[.*\])$/.exec(stages.get(target)!.find((l) => l.startsWith('CMD'))!)![1]!);
      expect(cmd[0], name).toBe('node');
      const script = cmd[1] as string;
      const from = sourceOf(target, script);
      expect(from, `${name} runs ${script}, which stage ${target} does not copy`).toBeDefined();
      // Built paths (dist/) come from the sources the build compiles.
      const source = script.replace(/\/dist\/(.*)\.js$/, '/src/$1.ts');
      expect(existsSync(path.join(root, source)), `${name}: ${source}`).toBe(true);
    }
  });

  it('copies only what the build produces or the repository holds', () => {
    for (const stage of ['api', 'web']) {
      for (const p of copiedFromBuild(stage)) {
        if (p === 'node_modules') continue;
        const inRepo = p.replace(/\/dist$/, '/src');
        expect(existsSync(path.join(root, inRepo)), `${stage}: COPY ${p}`).toBe(true);
      }
    }
  });

  it('the demo profile adds the simulated clusters and the API registers them from the kubeconfig they write', () => {
    const sim = compose.services['kube-sim']!;
    expect(sim.profiles).toEqual(['demo']);
    const kubeconfig = sim.command![sim.command!.indexOf('--kubeconfig') + 1]!;
    const api = compose.services.api!;
    expect(api.environment!.SWITCHBOARD_REGISTER_KUBECONFIG).toBe(kubeconfig);
    const volumeOf = (s: { volumes?: string[] }, dir: string) => s.volumes?.find((v) => v.split(':')[1] === dir)?.split(':')[0];
    expect(volumeOf(api, path.dirname(kubeconfig))).toBe(volumeOf(sim, path.dirname(kubeconfig)));
    expect(Object.keys(compose.volumes)).toContain(volumeOf(sim, path.dirname(kubeconfig)));
    // The simulators answer on the service's name, which is what the kubeconfig says.
    expect(sim.command![sim.command!.indexOf('--host') + 1]).toBe('kube-sim');
  });

  it('.env.example documents every variable the compose file reads, and nothing else', () => {
    const used = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!));
    const documented = new Set([...read('.env.example').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual([...used].sort());
  });
});
