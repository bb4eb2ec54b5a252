import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastestMs } from '../support/fastest.ts';
import {
  cmdlineParam,
  cmdlineParamValues,
  KERNEL_MAX_NR_CPUS,
  parseIsolcpus,
  parseKernelCmdline,
  parseKernelCpuList,
  type KernelCpuListOptions,
} from '../../src/model/kernel-cpulist.ts';

function cpus(text: string, opts: KernelCpuListOptions = {}): number[] {
  const result = parseKernelCpuList(text, opts);
  assert.ok(result.ok, `expected '${text}' to parse, got ${result.ok ? '' : result.error}`);
  return result.value.toArray();
}

function rejected(text: string, opts: KernelCpuListOptions = {}): { error: string; offset: number; length: number } {
  const result = parseKernelCpuList(text, opts);
  assert.equal(result.ok, false, `'${text}' must be rejected`);
  return result.ok ? { error: '', offset: -1, length: -1 } : result;
}

test('documented examples (kernel-parameters.rst "cpu lists", bitmap_parselist comment, rules.md)', () => {
  assert.deepEqual(cpus('0-15:2/4'), [0, 1, 4, 5, 8, 9, 12, 13]);
  assert.deepEqual(cpus('0-1023:2/256', { nbits: 1024 }), [0, 1, 256, 257, 512, 513, 768, 769]);
  const mixed = cpus('1,2,10-20,100-2000:2/25');
  assert.deepEqual(mixed.slice(0, 19), [1, 2, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 100, 101, 125, 126, 150, 151]);
  assert.equal(mixed.at(-1), 2000, 'the last group is cut at the range end');
  assert.deepEqual(cpus('16-N', { nrCpuIds: 32 }), Array.from({ length: 16 }, (_, i) => 16 + i));
  assert.match(rejected('16-N', { nrCpuIds: 4 }).error, /descending/, '"16-N" becomes "16-3" on a 4 CPU system');
  assert.deepEqual(cpus('all', { nrCpuIds: 4 }), [0, 1, 2, 3]);
  assert.deepEqual(cpus('ALL', { nrCpuIds: 2 }), [0, 1], '"all" is case-tolerant');
  assert.deepEqual(cpus('all:1/2', { nrCpuIds: 8 }), [0, 2, 4, 6]);
});

test('N and all need the host CPU count', () => {
  assert.match(rejected('N').error, /CPU count/);
  assert.match(rejected('0-N').error, /CPU count/);
  assert.match(rejected('all').error, /CPU count/);
  assert.deepEqual(cpus('N', { nrCpuIds: 8 }), [7]);
  assert.deepEqual(cpus('N', { nrCpuIds: 8, nbits: 64 }), [63], 'N is the last bit of the mask (nr_cpumask_bits)');
  assert.equal(parseKernelCpuList('n', { nrCpuIds: 8 }).ok, false, 'only upper-case N');
});

test('separators: commas and whitespace, empty regions skipped, newline ends the list', () => {
  assert.deepEqual(cpus(''), []);
  assert.deepEqual(cpus(',,'), []);
  assert.deepEqual(cpus('1 2,,3,'), [1, 2, 3]);
  assert.deepEqual(cpus(' ,4'), [4]);
  assert.deepEqual(cpus('0-3\n'), [0, 1, 2, 3], 'sysfs lists end with a newline');
  assert.deepEqual(cpus('0-1\n5'), [0, 1], 'a newline right after a region ends the list');
  assert.deepEqual(cpus('0-7:1/4N', { nrCpuIds: 12 }), [0, 4, 11], 'bitmap_parse_region does not check what follows a group size');
});

test('region errors follow bitmap_check_region and point at the region', () => {
  const cases: Array<[string, RegExp, number, number]> = [
    ['0,5-3', /descending/, 2, 3],
    ['0-7:5/4', /exceeds group/, 0, 7],
    ['0-7:1/0', /group size 0/, 0, 7],
    ['0-7:1', /'\/'/, 0, 5],
    ['1-x', /expected a CPU number/, 0, 3],
    ['1x', /unexpected 'x'/, 0, 2],
    ['-1', /expected a CPU number/, 0, 2],
    ['1;2', /unexpected ';'/, 0, 3],
    ['0-4294967296', /overflows/, 0, 12],
    ['2,0-64', /width 64/, 2, 4],
  ];
  for (const [text, pattern, offset, length] of cases) {
    const error = rejected(text, { nrCpuIds: 64 });
    assert.match(error.error, pattern, text);
    assert.deepEqual([error.offset, error.length], [offset, length], text);
  }
  assert.deepEqual(cpus('0-7:0/4'), [], 'a used size of 0 sets nothing');
});

test('without a host the width is KERNEL_MAX_NR_CPUS; huge inputs fail fast', () => {
  assert.equal(KERNEL_MAX_NR_CPUS, 8192);
  assert.deepEqual(cpus('8191'), [8191]);
  assert.match(rejected('8192').error, /width 8192/);
  for (const text of ['0-4294967295', '99999999999999999999', '0-4294967294:1/2', `0-${'9'.repeat(10000)}`]) {
    rejected(text);
    assert.ok(fastestMs(() => rejected(text)) < 50, `${text.slice(0, 20)} was slow`);
  }
  const wide = parseKernelCpuList('0-4294967294', { nbits: 4294967295 });
  assert.ok(wide.ok && wide.value.size === 4294967295, 'a wide legal range is one interval');
  assert.ok(fastestMs(() => parseKernelCpuList('0-4294967294', { nbits: 4294967295 })) < 50);
});

test('property: stride regions match a naive expansion', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 1, max: 40 }),
      fc.nat(),
      (start, length, group, usedSeed) => {
        const end = start + length;
        const used = usedSeed % (group + 1);
        const expected: number[] = [];
        for (let id = start; id <= end; id++) if ((id - start) % group < used) expected.push(id);
        assert.deepEqual(cpus(`${start}-${end}:${used}/${group}`, { nbits: 1024 }), expected);
      },
    ),
  );
});

test('property: a list of regions is the union of its regions', () => {
  const region = fc.oneof(
    fc.integer({ min: 0, max: 127 }).map((id) => ({ text: `${id}`, ids: [id] })),
    fc.tuple(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 20 })).map(([a, n]) => ({
      text: `${a}-${Math.min(a + n, 127)}`,
      ids: Array.from({ length: Math.min(a + n, 127) - a + 1 }, (_, i) => a + i),
    })),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(region, fc.constantFrom(',', ' ', ',,', ', ')), { maxLength: 10 }), (regions) => {
      const text = regions.map(([r, sep]) => r.text + sep).join('');
      const expected = [...new Set(regions.flatMap(([r]) => r.ids))].sort((x, y) => x - y);
      assert.deepEqual(cpus(text, { nrCpuIds: 128 }), expected, text);
    }),
  );
});

test('isolcpus: flags first, domain by default (isolation.c housekeeping_isolcpus_setup)', () => {
  const value = (text: string): { flags: string[]; cpus: string; notes: string[] | undefined } => {
    const result = parseIsolcpus(text, { nrCpuIds: 64 });
    assert.ok(result.ok, `expected '${text}' to parse, got ${result.ok ? '' : result.error}`);
    return { flags: result.value.flags, cpus: result.value.cpus.toString(), notes: result.notes };
  };
  assert.deepEqual(value('managed_irq,domain,4-31'), { flags: ['managed_irq', 'domain'], cpus: '4-31', notes: undefined });
  assert.deepEqual(value('nohz,domain,managed_irq,2-31'), { flags: ['nohz', 'domain', 'managed_irq'], cpus: '2-31', notes: undefined });
  assert.deepEqual(value('2-5'), { flags: ['domain'], cpus: '2-5', notes: undefined });
  assert.deepEqual(value('nohz,2-3').flags, ['nohz'], 'an explicit flag replaces the default');
  assert.deepEqual(value('domain,domain,1').flags, ['domain']);
  assert.deepEqual(value('2-N').cpus, '2-63', "'N' inside the list is fine; only a leading letter is a flag");

  const unknown = value('foo_bar,2-3');
  assert.deepEqual([unknown.flags, unknown.cpus], [['domain'], '2-3']);
  assert.match(unknown.notes?.[0] ?? '', /skips unknown flag 'foo_bar'/);
  assert.deepEqual(value('Domain,2-3').flags, ['domain'], 'flags are case-sensitive: Domain is skipped, default applies');
  assert.match(value('domain,').notes?.[0] ?? '', /nothing is isolated/);
});

test('isolcpus: values the kernel throws away are errors at the right place', () => {
  const error = (text: string): { error: string; offset: number; length: number } => {
    const result = parseIsolcpus(text, { nrCpuIds: 64 });
    assert.equal(result.ok, false, `'${text}' must be rejected`);
    return result.ok ? { error: '', offset: -1, length: -1 } : result;
  };
  const illegal = error('managed-irq,2-5');
  assert.match(illegal.error, /invalid flag 'managed-irq'.*whole/);
  assert.deepEqual([illegal.offset, illegal.length], [0, 11]);
  assert.match(error('all').error, /'all' is read as an unknown flag/);
  assert.match(error('domain').error, /'domain' must be followed by a comma/);
  const inList = error('domain,2-x');
  assert.deepEqual([inList.offset, inList.length], [7, 3], 'list errors are located in the full value');
  assert.match(error('domain,0-64').error, /width 64/);
});

test('kernel command line: quotes, --, whitespace (lib/cmdline.c next_arg)', () => {
  const params = parseKernelCmdline(
    '  BOOT_IMAGE=/vmlinuz-6.1 ro  isolcpus="2-5" quiet "dyndbg=file a.c +p" nohz_full=2-5 x="" -- isolcpus=9\n',
  );
  assert.deepEqual(params, [
    { key: 'BOOT_IMAGE', value: '/vmlinuz-6.1' },
    { key: 'ro', value: undefined },
    { key: 'isolcpus', value: '2-5' },
    { key: 'quiet', value: undefined },
    { key: 'dyndbg', value: 'file a.c +p' },
    { key: 'nohz_full', value: '2-5' },
    { key: 'x', value: '' },
  ]);
  assert.deepEqual(parseKernelCmdline('a="b c" d'), [
    { key: 'a', value: 'b c' },
    { key: 'd', value: undefined },
  ]);
  assert.deepEqual(parseKernelCmdline('a=b"c d" e'), [
    { key: 'a', value: 'b"c d"' },
    { key: 'e', value: undefined },
  ], 'a quote inside a value protects spaces but is kept');
  assert.deepEqual(parseKernelCmdline('--=1 a'), [
    { key: '--', value: '1' },
    { key: 'a', value: undefined },
  ], 'only a bare -- ends the parameters');
  assert.deepEqual(parseKernelCmdline('\n'), []);
});

test('cmdlineParam returns the last value, names compare with - and _ alike', () => {
  const params = parseKernelCmdline('rcu_nocbs=1 isolcpus=2-3 rcu-nocbs=4-5 isolcpus=6 bare');
  assert.equal(cmdlineParam(params, 'rcu_nocbs'), '4-5');
  assert.equal(cmdlineParam(params, 'rcu-nocbs'), '4-5');
  assert.deepEqual(cmdlineParamValues(params, 'isolcpus'), ['2-3', '6'], 'isolcpus needs the first value that parses');
  assert.equal(cmdlineParam(params, 'nohz_full'), undefined);
  assert.equal(cmdlineParam(params, 'bare'), undefined);
  assert.deepEqual(cmdlineParamValues(params, 'bare'), [undefined]);
});
