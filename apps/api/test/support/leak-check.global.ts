// vitest globalSetup for the API tests: hands every worker a folder to record into,
// and after the whole suite fails the run if a credential appears anywhere it must not,
// or if a REST answer is not what the OpenAPI document declares (contract-check.ts).
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { checkContract, type RecordedAnswer } from './contract-check.js';
import { TEST_ADMIN_TOKEN } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    leakDir: string;
  }
}

type Entry = { kind: 'log'; text: string } | ({ kind: 'response'; creation: boolean; setCookie: string[] } & RecordedAnswer);

const API_TOKEN = /sbt_[A-Za-z0-9_-]{43}/g;
/** kube-sim's bearer tokens: what a cluster's kubeconfig or registration carries. */
const CLUSTER_TOKEN = /ksim_[A-Za-z0-9_-]{32}/g;

export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-leaks-'));
  project.provide('leakDir', dir);
  return async () => {
    const entries: Entry[] = readdirSync(dir).flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Entry),
    );
    rmSync(dir, { recursive: true, force: true });
    const leaks = findLeaks(entries);
    const responses = entries.filter((e) => e.kind === 'response').length;
    const logs = entries.filter((e) => e.kind === 'log').length;
    if (leaks.length) fail(`credentials leaked (${leaks.length}), scanning ${responses} answers and ${logs} log writes:\n${leaks.slice(0, 20).join('\n')}`);
    process.stdout.write(`[leak check] no credential in ${responses} API answers and ${logs} log writes\n`);
    const contract = await checkContract(entries.filter((e): e is Extract<Entry, { kind: 'response' }> => e.kind === 'response'));
    if (contract.problems.length) fail(`answers that are not what the OpenAPI document declares (${contract.problems.length}):\n${contract.problems.slice(0, 40).join('\n')}`);
    process.stdout.write(contract.skipped ? `[contract check] skipped: ${contract.skipped}\n` : `[contract check] ${contract.checked} REST answers match the OpenAPI document\n`);
  };
}

/**
 * Ends the run as failed. Thrown alone, vitest prints the error while closing yet exits 0;
 * scripts/test.mjs (which runs the suite) also reads what is written to SWITCHBOARD_SUITE_CHECKS.
 */
function fail(message: string): never {
  const file = process.env.SWITCHBOARD_SUITE_CHECKS;
  if (file) appendFileSync(file, `${message}\n`);
  process.exitCode = 1;
  throw new Error(message);
}

/** A secret may be in the one answer that created it; never in another answer, a cookie or a log line. */
export function findLeaks(entries: Entry[]): string[] {
  const leaks: string[] = [];
  const seenCreated = new Map<string, number>();
  for (const e of entries) {
    const where = e.kind === 'log' ? `log: ${e.text.slice(0, 120).trim()}` : `${e.method} ${e.path}`;
    const text = e.kind === 'log' ? e.text : `${e.text}\n${e.setCookie.join('\n')}`;
    if (text.includes(TEST_ADMIN_TOKEN)) leaks.push(`the admin token in ${where}`);
    if (text.includes('PRIVATE KEY-----')) leaks.push(`a private key in ${where}`);
    for (const m of text.match(CLUSTER_TOKEN) ?? []) leaks.push(`cluster token ${m.slice(0, 9)}… in ${where}`);
    for (const m of text.match(API_TOKEN) ?? []) {
      if (e.kind === 'response' && e.creation) {
        seenCreated.set(m, (seenCreated.get(m) ?? 0) + 1);
        if (seenCreated.get(m)! > 1) leaks.push(`API token ${m.slice(0, 10)}… answered twice (${where})`);
      } else {
        leaks.push(`API token ${m.slice(0, 10)}… in ${where}`);
      }
    }
  }
  return leaks;
}
