import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/engine/runner.ts';
import { repoRoot } from './support/paths.ts';

// libvirt's own test suite as the oracle (test/libvirt-oracle/manifest.json): inputs libvirt
// rejects must get an error for libvirt's reason, inputs it accepts must get no error.
interface OracleCase {
  name: string;
  file: string;
  verdict: 'rejected' | 'accepted';
  reasonRules?: string[];
  /** Errors an accepted input may get: documented start-time failures or host hazards. */
  allowedErrors?: string[];
}

const dir = join(repoRoot, 'test', 'libvirt-oracle');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cases: OracleCase[] };

async function errorsOf(c: OracleCase) {
  const run = await lint({ paths: [join(dir, c.file)], cwd: repoRoot, configFile: false });
  return run.diagnostics.filter((d) => d.severity === 'error');
}

test('libvirt oracle: >= 90% of rejected inputs get an error for libvirt\'s reason; no accepted input gets an error', async () => {
  const rejected = manifest.cases.filter((c) => c.verdict === 'rejected');
  const accepted = manifest.cases.filter((c) => c.verdict === 'accepted');
  assert.ok(accepted.length >= rejected.length, 'at least as many accepted inputs as rejected ones');
  const missed: string[] = [];
  for (const c of rejected) {
    const errors = await errorsOf(c);
    if (!errors.some((d) => c.reasonRules!.includes(d.ruleId))) missed.push(`${c.name} (want ${c.reasonRules!.join(' or ')}; got ${errors.map((d) => d.ruleId).join(', ') || 'no error'})`);
  }
  const falseErrors: string[] = [];
  for (const c of accepted) {
    const errors = (await errorsOf(c)).filter((d) => !(c.allowedErrors ?? []).includes(d.ruleId));
    if (errors.length > 0) falseErrors.push(`${c.name}: ${errors.map((d) => `${d.ruleId} (${d.message})`).join('; ')}`);
  }
  const flagged = rejected.length - missed.length;
  // The figures for the issue's closing note.
  console.log(`libvirt oracle: rejected flagged ${flagged}/${rejected.length} (${((100 * flagged) / rejected.length).toFixed(0)}%), accepted with errors ${falseErrors.length}/${accepted.length}`);
  if (missed.length > 0) console.log(`  missed: ${missed.join('\n          ')}`);
  assert.deepEqual(falseErrors, []);
  assert.ok(flagged / rejected.length >= 0.9, `only ${flagged}/${rejected.length} rejected inputs flagged:\n${missed.join('\n')}`);
});

test('libvirt oracle: every case names its libvirt commit and path, and its file exists', () => {
  for (const c of manifest.cases as Array<OracleCase & { source: { commit: string; path: string } }>) {
    assert.match(c.source.commit, /^[0-9a-f]{40}$/, c.name);
    assert.ok(c.source.path.endsWith(`${c.name}.xml`), c.name);
    readFileSync(join(dir, c.file));
  }
});
