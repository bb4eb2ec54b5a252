import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { repoRoot } from '../support/paths.ts';

// The per-node housekeeping check is opt-in (the tuning guide's host has none on node 1), so fixtures,
// which run with default options, cannot show it: checked here with the option set.
const plan = join(repoRoot, 'rules', 'isolation-params-consistency', 'fixtures', 'node-without-housekeeping');
const hostFile = join(repoRoot, 'fixtures', 'hosts', 'node-without-housekeeping.json');

async function findings(options?: Record<string, unknown>) {
  const run = await lint({
    paths: [join(plan, 'ingest-a.xml'), join(plan, 'ingest-b.xml')],
    cwd: repoRoot,
    hostFile,
    configFile: false,
    ruleOptions: options ? { 'isolation-params-consistency': options } : undefined,
  });
  return run.diagnostics.filter((d) => d.ruleId === 'isolation-params-consistency');
}

test('isolation-params-consistency: a node without housekeeping CPUs is reported only with housekeepingPerNode', async () => {
  assert.deepEqual(await findings(), []);
  const on = await findings({ housekeepingPerNode: true });
  assert.equal(on.length, 1);
  const d = on[0]!;
  assert.equal(d.file, 'fixtures/hosts/node-without-housekeeping.json');
  assert.equal(d.severity, 'warning');
  // At the node's CPU list, naming the guest pinned there (not the one on node 0), its pin related.
  assert.equal(d.messageId, 'nodeWithoutHousekeeping');
  assert.equal(d.message, 'host node 1 has no housekeeping CPU (CPUs 16-31 all isolated), yet ingest-a pins vCPUs there');
  assert.doesNotMatch(d.message, /ingest-b/);
  assert.deepEqual(d.related?.map((r) => [path.basename(r.file), r.message]), [['ingest-a.xml', 'ingest-a pins vCPUs to node 1 here']]);
  assert.equal(readFileSync(hostFile, 'utf8').slice(d.range.start, d.range.end), '"16-31"');
});
