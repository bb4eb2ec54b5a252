import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint } from '../../src/engine/runner.ts';
import { repoRoot } from '../support/paths.ts';

// A one-node host (the usual desktop or homelab machine), in each host format kvmlint reads:
// memory cannot land on "another node", so a pinned guest without <numatune> is fine, and
// its hugepages are all drawn from that node (an exact comparison, not "split unknown").
const guest = join(repoRoot, 'rules', 'pin-crosses-nodeset', 'fixtures', 'single-node-desktop-vfio.xml');
const hosts = {
  json: join(repoRoot, 'fixtures', 'hosts', 'desktop-single-node.json'),
  'numactl --hardware': join(repoRoot, 'fixtures', 'host-imports', 'numactl-one-node.txt'),
  'virsh capabilities': join(repoRoot, 'fixtures', 'host-imports', 'caps-one-cell.xml'),
};

async function findings(hostFile: string) {
  const run = await lint({ paths: [guest], cwd: repoRoot, hostFile, configFile: false });
  return run.diagnostics;
}

for (const [format, hostFile] of Object.entries(hosts)) {
  test(`single-node host (${format}): no finding about memory landing on another node`, async () => {
    const all = await findings(hostFile);
    assert.deepEqual(all.filter((d) => d.ruleId === 'pin-crosses-nodeset'), []);
    assert.deepEqual(all.filter((d) => /another node|not bound to a host node|split/.test(d.message)), []);
  });
}

test('single-node host (virsh capabilities, no 1 GiB pages reserved): insufficient-hugepages compares node 0 exactly', async () => {
  const hp = (await findings(hosts['virsh capabilities'])).filter((d) => d.ruleId === 'insufficient-hugepages');
  assert.equal(hp.length, 1);
  assert.equal(hp[0]!.severity, 'error');
  assert.match(hp[0]!.message, /^host node 0 has 0 × 1 GiB hugepages .* needs? 16 /);
});

test('two nodes, one of them memoryless: still a single node memory can land on', async () => {
  const { buildHostModel } = await import('../../src/model/host-model.ts');
  const { soleMemoryNode } = await import('../../src/model/host-nodes.ts');
  const host = buildHostModel({
    kvmlintHostSnapshot: 1,
    nodes: [
      { id: 0, cpus: '0-7', memTotalKiB: 16777216 },
      { id: 1, cpus: '8-15', memTotalKiB: 0 },
    ],
  });
  assert.equal(soleMemoryNode(host), 0);
  const two = buildHostModel({ kvmlintHostSnapshot: 1, nodes: [{ id: 0, cpus: '0-7' }, { id: 1, cpus: '8-15' }] });
  assert.equal(soleMemoryNode(two), undefined);
});
