import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { HostSnapshot } from '../../src/model/host.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { HookMemoryLedger, hookFreeMemory, hostWideShare, hugepageHooksFor, hugepageHooksHostWide, isGiganticPage } from '../../src/model/hugepage-hooks.ts';
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

  it('gigantic pages: above MAX_PAGE_ORDER of the base page (1 GiB on x86 with 4 KiB pages, not 2 MiB; 16 GiB on arm64 64k)', () => {
    assert.equal(isGiganticPage({ pageSizeKiB: 4 }, 1048576), true);
    assert.equal(isGiganticPage({ pageSizeKiB: 4 }, 2048), false);
    // arm64 4 KiB: 32 MiB (contiguous PMDs) is order 13, above 10.
    assert.equal(isGiganticPage({ pageSizeKiB: 4 }, 32768), true);
    // arm64 64 KiB pages: MAX_PAGE_ORDER 13, so 512 MiB (order 13) is not gigantic, 16 GiB is.
    assert.equal(isGiganticPage({ pageSizeKiB: 64 }, 524288), false);
    assert.equal(isGiganticPage({ pageSizeKiB: 64 }, 16777216), true);
    assert.equal(isGiganticPage({ pageSizeKiB: 64 }, 1048576), true);
    // arm64 16 KiB pages: MAX_PAGE_ORDER 11, 32 MiB (order 11) is not gigantic, 1 GiB is.
    assert.equal(isGiganticPage({ pageSizeKiB: 16 }, 32768), false);
    assert.equal(isGiganticPage({ pageSizeKiB: 16 }, 1048576), true);
  });

  it('a host-wide hook: every hook of the guest must be marked host-wide', () => {
    assert.equal(hugepageHooksHostWide(buildHostModel(fixture('workstation-hook-wide')), 'win11'), true);
    // desktop-hook's per-guest hooks are not marked (their paths were not recorded as host-wide).
    assert.equal(hugepageHooksHostWide(buildHostModel(fixture('desktop-hook')), 'win11'), false);
    assert.equal(hugepageHooksHostWide(buildHostModel(fixture('desktop-hook')), 'linux-dev'), false);
  });

  it('pages added to the host-wide pool go round-robin over the nodes, skipping a node that cannot give one', () => {
    const none = () => undefined;
    assert.equal(hostWideShare(8192, [0, 1], new Set([0]), none), 4096);
    assert.equal(hostWideShare(8193, [0, 1], new Set([0]), none), 4097);
    assert.equal(hostWideShare(9000, [0, 1, 2, 3], new Set([0, 1]), none), 4500);
    // Node 1 can give only 1000 pages: the rest go to node 0.
    assert.equal(hostWideShare(8192, [0, 1], new Set([0]), (n) => (n === 1 ? 1000 : undefined)), 7192);
    // Node 0 can give 3000: that is its share.
    assert.equal(hostWideShare(8192, [0, 1], new Set([0]), (n) => (n === 0 ? 3000 : undefined)), 3000);
    assert.equal(hostWideShare(8192, [0], new Set([0]), none), 8192);
  });

  it('the ledger shares a node\'s free memory between the hooks of a plan, free memory first, then reclaimable', () => {
    const host = buildHostModel(fixture('desktop-hook'));
    const ledger = new HookMemoryLedger(host);
    const before = ledger.available([0])!;
    assert.deepEqual(before, hookFreeMemory(host, [0]));
    ledger.take([0], 16 * 1048576);
    assert.equal(ledger.available([0])!.freeKiB, before.freeKiB - 16 * 1048576);
    ledger.take([0], before.freeKiB);
    assert.equal(ledger.available([0])!.freeKiB, 0);
    const two = new HookMemoryLedger(buildHostModel(fixture('workstation-hook-wide')));
    const both = two.available([0, 1])!.freeKiB;
    two.take([0, 1], 1048576);
    assert.equal(two.available([0, 1])!.freeKiB, both - 1048576);
  });
});
