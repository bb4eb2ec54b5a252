import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { HostSnapshot } from '../../src/model/host.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { hookFreeMemory, hugepageHooksFor, isGiganticPage } from '../../src/model/hugepage-hooks.ts';
import { hostNodeWatermarks } from '../../src/model/node-memory.ts';

const fixture = (name: string): HostSnapshot => JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/hosts', `${name}.json`), 'utf8')) as HostSnapshot;

describe('hugepage pools a libvirt hook fills at start', () => {
  it('a per-guest hook counts for that guest only, an all-guests hook for every guest, a nameless one included', () => {
    const host = buildHostModel(fixture('desktop-hook'));
    assert.deepEqual(hugepageHooksFor(host, 'win11'), ['/etc/libvirt/hooks/qemu.d/win11/prepare/begin/hugepages.sh']);
    assert.equal(hugepageHooksFor(host, 'linux-dev'), undefined);
    assert.equal(hugepageHooksFor(host, undefined), undefined);
    const all = buildHostModel(fixture('desktop-hook-busy'));
    assert.deepEqual(hugepageHooksFor(all, 'anything'), ['/etc/libvirt/hooks/qemu']);
    assert.deepEqual(hugepageHooksFor(all, undefined), ['/etc/libvirt/hooks/qemu']);
    assert.equal(hugepageHooksFor(buildHostModel(fixture('desktop-overcommit')), 'win11'), undefined);
  });

  it("free memory is MemFree less the node's min watermark share; unknown MemFree is unknown", () => {
    const snap = fixture('desktop-hook');
    const host = buildHostModel(snap);
    const min = hostNodeWatermarks(host)!.shares.get(0)!.minKiB;
    assert.ok(min > 0);
    assert.deepEqual(hookFreeMemory(host, [0]), { freeKiB: snap.nodes[0]!.memFreeKiB! - min, reclaimableKiB: 0 });
    const noFree = buildHostModel({ ...snap, nodes: snap.nodes.map(({ memFreeKiB: _, ...n }) => n) });
    assert.equal(hookFreeMemory(noFree, [0]), undefined);
    const noMin = buildHostModel({ ...snap, vm: {} });
    assert.equal(hookFreeMemory(noMin, [0])?.freeKiB, snap.nodes[0]!.memFreeKiB);
  });

  it('gigantic pages: above order 10 of the base page (1 GiB on x86 with 4 KiB pages, not 2 MiB)', () => {
    assert.equal(isGiganticPage({ pageSizeKiB: 4 }, 1048576), true);
    assert.equal(isGiganticPage({ pageSizeKiB: 4 }, 2048), false);
  });
});
