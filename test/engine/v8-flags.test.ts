import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.ts';
import { nodeBinaries } from '../support/node-binaries.ts';

const workload = join(repoRoot, 'test', 'support', 'pretenuring-workload.ts');

/**
 * V8's own trace of its pretenuring decisions, for a workload whose literals outlive a few
 * scavenges. A small new space makes V8 decide within a second (it only tenures once the
 * new space is at its maximum size).
 */
function pretenuringTrace(node: string, tuned: boolean): { decisions: number; stderr: string } {
  const r = spawnSync(
    node,
    ['--max-semi-space-size=1', '--trace-pretenuring-statistics', '--import', 'tsx', workload, ...(tuned ? ['--tuned'] : [])],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return { decisions: (r.stdout.match(/=> tenure\b/g) ?? []).length, stderr: r.stderr };
}

// The CLI runs on the user's Node (20 and later), the Action on Node 24: the flag must mean the same on both.
for (const node of nodeBinaries()) {
  test(`${node.label}: the workload makes V8 pretenure its allocation sites under the default settings`, { skip: node.skip }, () => {
    assert.ok(pretenuringTrace(node.path, false).decisions > 0, 'the comparison below would prove nothing');
  });

  test(`${node.label}: tuneV8ForLint turns allocation-site pretenuring off, with a flag this V8 knows`, { skip: node.skip }, () => {
    const { decisions, stderr } = pretenuringTrace(node.path, true);
    assert.equal(decisions, 0);
    assert.doesNotMatch(stderr, /unrecognized flag/);
  });
}
