import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseZoneinfo } from '../../src/host/zoneinfo.ts';
import { CpuSet } from '../../src/model/cpuset.ts';
import type { HostNode } from '../../src/model/host.ts';
import {
  computeZoneWatermarks,
  hostWatermarkZones,
  largestSafeMinFreeKbytes,
  nodeWatermarkShares,
  type ZoneInput,
} from '../../src/model/watermarks.ts';

function basePageSizeKiB(): number {
  const bytes = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
  assert.ok(Number.isInteger(bytes) && bytes >= 4096, `getconf PAGESIZE gave ${bytes}`);
  return bytes / 1024;
}

describe('computeZoneWatermarks against this machine\'s /proc/zoneinfo', { skip: process.platform !== 'linux' }, () => {
  it('reproduces min, low, high (and promo) of every zone, empty zones included', () => {
    assert.ok(existsSync('/proc/zoneinfo'), '/proc/zoneinfo must exist on Linux');
    const text = readFileSync('/proc/zoneinfo', 'utf8');
    const minFreeKbytes = Number(readFileSync('/proc/sys/vm/min_free_kbytes', 'utf8').trim());
    const scale = Number(readFileSync('/proc/sys/vm/watermark_scale_factor', 'utf8').trim());
    const kernel = parseZoneinfo(text);
    const headers = text.split('\n').filter((l) => /^Node\s+\d+,\s+zone\s+/.test(l)).length;
    assert.ok(kernel.length > 0);
    assert.equal(kernel.length, headers, 'every zone block parsed');

    const model = computeZoneWatermarks(kernel, minFreeKbytes, scale, basePageSizeKiB());
    assert.equal(model.length, kernel.length);
    kernel.forEach((k, i) => {
      const m = model[i]!;
      // zoneinfo prints *_wmark_pages(), which add the zone's current watermark_boost.
      const boost = k.boost ?? 0;
      // A mismatch can also mean managed pages changed since the kernel last set its watermarks
      // (a balloon driver adjusts them without a recomputation; writing min_free_kbytes recomputes).
      const where = `node ${k.node} zone ${k.name} (managed ${k.managedPages})`;
      assert.equal(m.min, k.min - boost, `min of ${where}`);
      assert.equal(m.low, k.low - boost, `low of ${where}`);
      assert.equal(m.high, k.high - boost, `high of ${where}`);
      if (k.promo !== undefined) assert.equal(m.promo, k.promo - boost, `promo of ${where}`);
    });
  });

  it('sums the same per-node shares as the kernel\'s zones', () => {
    const text = readFileSync('/proc/zoneinfo', 'utf8');
    const minFreeKbytes = Number(readFileSync('/proc/sys/vm/min_free_kbytes', 'utf8').trim());
    const scale = Number(readFileSync('/proc/sys/vm/watermark_scale_factor', 'utf8').trim());
    const page = basePageSizeKiB();
    const kernel = parseZoneinfo(text);
    const expected = new Map<number, number>();
    for (const z of kernel) expected.set(z.node, (expected.get(z.node) ?? 0) + (z.min - (z.boost ?? 0)) * page);
    const shares = nodeWatermarkShares(kernel, minFreeKbytes, scale, page);
    assert.deepEqual(new Map(shares.map((s) => [s.node, s.minKiB])), expected);
  });
});

describe('computeZoneWatermarks by hand', () => {
  it('dual-socket guide host: 2 × 64 GiB Normal zones, min_free_kbytes 524288, scale 10', () => {
    // managed = 67108864 KiB / 4 = 16777216 pages per node; lowmem = 33554432.
    // pages_min = 524288 >> 2 = 131072; min = 131072 × 16777216 / 33554432 = 65536.
    // gap = max(65536 >> 2 = 16384, mult_frac(16777216, 10, 10000) = 16777) = 16777.
    const zones: ZoneInput[] = [
      { node: 0, name: 'Normal', managedPages: 16777216 },
      { node: 1, name: 'Normal', managedPages: 16777216 },
    ];
    const w = computeZoneWatermarks(zones, 524288, 10);
    for (const z of w) {
      assert.equal(z.min, 65536);
      assert.equal(z.low, 65536 + 16777);
      assert.equal(z.high, 65536 + 2 * 16777);
      assert.equal(z.promo, 65536 + 3 * 16777);
    }
    assert.deepEqual(nodeWatermarkShares(zones, 524288, 10), [
      { node: 0, managedKiB: 67108864, minKiB: 262144, lowKiB: 329252, highKiB: 396360, promoKiB: 463468 },
      { node: 1, managedKiB: 67108864, minKiB: 262144, lowKiB: 329252, highKiB: 396360, promoKiB: 463468 },
    ]);
  });

  it('frozen real output (Linux 6.18, one node, empty Movable and Device zones)', () => {
    const zones: ZoneInput[] = [
      { node: 0, name: 'DMA', managedPages: 3840 },
      { node: 0, name: 'DMA32', managedPages: 772917 },
      { node: 0, name: 'Normal', managedPages: 196608 },
      { node: 0, name: 'Movable', managedPages: 0 },
      { node: 0, name: 'Device', managedPages: 0 },
    ];
    const got = computeZoneWatermarks(zones, 67584, 10).map((z) => [z.name, z.min, z.low, z.high, z.promo]);
    assert.deepEqual(got, [
      ['DMA', 66, 82, 98, 114],
      ['DMA32', 13416, 16770, 20124, 23478],
      ['Normal', 3412, 4265, 5118, 5971],
      // Movable: min clamped up to SWAP_CLUSTER_MAX; its proportional share is 0, so no gap.
      ['Movable', 32, 32, 32, 32],
      ['Device', 0, 0, 0, 0],
    ]);
  });

  it('Movable and HighMem: excluded from the lowmem total, min clamped to [32, 128], gap from the unclamped share', () => {
    const zones: ZoneInput[] = [
      { node: 0, name: 'Normal', managedPages: 3000000 },
      { node: 1, name: 'Movable', managedPages: 1000000 },
      { node: 1, name: 'HighMem', managedPages: 10000 },
    ];
    const [normal, movable, highmem] = computeZoneWatermarks(zones, 67584, 10);
    // pages_min = 16896; lowmem = 3000000 (Normal only).
    assert.deepEqual([normal!.min, normal!.low, normal!.high], [16896, 16896 + 4224, 16896 + 2 * 4224]);
    // share = 16896 × 1000000 / 3000000 = 5632; min = clamp(1000000 / 1024 = 976) = 128;
    // gap = max(5632 >> 2 = 1408, mult_frac(1000000, 10, 10000) = 1000) = 1408.
    assert.deepEqual([movable!.min, movable!.low, movable!.high], [128, 1536, 2944]);
    // share = 56; min = clamp(9) = 32; gap = max(14, 10) = 14.
    assert.deepEqual([highmem!.min, highmem!.low, highmem!.high], [32, 46, 60]);
  });

  it('64 KiB pages shift min_free_kbytes by 6, not 2', () => {
    const [z] = computeZoneWatermarks([{ node: 0, name: 'Normal', managedPages: 100000 }], 65536 + 63, 10, 64);
    assert.equal(z!.min, 1024);
  });

  it('scale factor dominates the gap on large zones', () => {
    const [z] = computeZoneWatermarks([{ node: 0, name: 'Normal', managedPages: 1 << 30 }], 1024, 3000);
    // mult_frac(2^30, 3000, 10000) = 322122547 (2^30 × 0.3 = 322122547.2).
    assert.equal(z!.low - z!.min, 322122547);
  });
});

describe('largestSafeMinFreeKbytes', () => {
  const zones: ZoneInput[] = [
    { node: 0, name: 'Normal', managedPages: 16777216 },
    { node: 1, name: 'Normal', managedPages: 16777216 },
  ];
  const free = new Map([
    [0, 42000 * 1024],
    [1, 45000 * 1024],
  ]);

  it('dual-socket guide host: exact boundary by hand', () => {
    // Node 0 binds: min pages = floor(floor(m / 4) / 2) must stay ≤ 43008000 / 4 = 10752000,
    // so floor(m / 4) ≤ 21504001, so m ≤ 21504001 × 4 + 3 = 86016007.
    assert.equal(largestSafeMinFreeKbytes(zones, free, 10), 86016007);
  });

  it('is the boundary of the exact formula for the high watermark too', () => {
    const m = largestSafeMinFreeKbytes(zones, free, 10, 4, 'high')!;
    const highOf = (v: number): number => nodeWatermarkShares(zones, v, 10)[0]!.highKiB;
    assert.ok(highOf(m) <= 43008000);
    assert.ok(highOf(m + 1) > 43008000);
    assert.ok(m < 86016007);
  });

  it('unconstrained nodes allow the sysctl maximum; an impossible node gives undefined', () => {
    assert.equal(largestSafeMinFreeKbytes(zones, new Map(), 10), 2147483647);
    const movable: ZoneInput[] = [...zones, { node: 2, name: 'Movable', managedPages: 1 << 20 }];
    // Node 2's clamped min is 128 pages = 512 KiB whatever min_free_kbytes is.
    assert.equal(largestSafeMinFreeKbytes(movable, new Map([[2, 511]]), 10), undefined);
    assert.equal(largestSafeMinFreeKbytes(movable, new Map([[2, 512]]), 10), 2147483647);
  });
});

describe('hostWatermarkZones', () => {
  const node = (id: number, memTotalKiB: number | undefined, zones?: HostNode['zones']): HostNode => ({
    id,
    cpus: CpuSet.empty,
    memTotalKiB,
    memFreeKiB: undefined,
    reclaimableKiB: undefined,
    hugepages: [],
    zones,
  });

  it('uses zoneinfo where present, else one Normal zone of MemTotal, and skips memory-less nodes', () => {
    const r = hostWatermarkZones({
      pageSizeKiB: 4,
      nodes: [
        node(0, 67108864, [
          { name: 'DMA32', managedPages: 700000 },
          { name: 'Normal', managedPages: 15000000 },
        ]),
        node(1, 67108864),
        node(2, 0),
        node(3, undefined),
      ],
    });
    assert.deepEqual(r.zones, [
      { node: 0, name: 'DMA32', managedPages: 700000 },
      { node: 0, name: 'Normal', managedPages: 15000000 },
      { node: 1, name: 'Normal', managedPages: 16777216 },
    ]);
    assert.deepEqual(r.approximatedNodes, [1]);
  });
});

describe('parseZoneinfo', () => {
  const sample = [
    'Node 0, zone      DMA',
    '  per-node stats',
    '      nr_inactive_anon 919',
    '      nr_free_pages 12',
    '  pages free     3840',
    '        boost    7',
    '        min      73',
    '        low      89',
    '        high     105',
    '        promo    121',
    '        spanned  4095',
    '        present  3998',
    '        managed  3840',
    '        cma      0',
    '        protection: (0, 3019, 3787, 3787, 3787)',
    '      nr_free_pages 3840',
    '  pagesets',
    '    cpu: 0',
    '              count:    738',
    '              high:     2195',
    '              batch:    63',
    '  node_unreclaimable:  0',
    '  start_pfn:           1',
    'Node 1, zone   Normal',
    '  pages free     10',
    '        min      1',
    '        low      2',
    '        high     3',
    '        spanned  20',
    '        present  20',
    '        managed  16',
    '        protection: (0, 0)',
    '  pagesets',
    '              high:     99',
    '',
  ].join('\n');

  it('reads each zone\'s block and ignores per-node stats and pagesets', () => {
    assert.deepEqual(parseZoneinfo(sample), [
      { node: 0, name: 'DMA', managedPages: 3840, presentPages: 3998, spanned: 4095, min: 73, low: 89, high: 105, promo: 121, boost: 7, free: 3840 },
      { node: 1, name: 'Normal', managedPages: 16, presentPages: 20, spanned: 20, min: 1, low: 2, high: 3, free: 10 },
    ]);
  });

  it('rejects a zone without watermarks, naming the line', () => {
    assert.throws(() => parseZoneinfo('Node 0, zone DMA\n  pages free 1\n        managed 3\n'), /line 1: zone DMA of node 0 has no "min" line/);
  });
});
