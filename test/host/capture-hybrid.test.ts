/**
 * Per-CPU capacity (cpuN/cpu_capacity, arm64 big.LITTLE) and Intel hybrid core types
 * (/sys/devices/cpu_{core,atom,lowpower}/cpus) captured from a fixture sysfs tree, written
 * and loaded again, and the classes the model derives from them (src/model/cpu-capacity.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureHost } from '../../src/host/capture.ts';
import { formatSnapshot } from '../../src/host/snapshot-json.ts';
import { loadHostSnapshotText } from '../../src/host/load.ts';
import { buildHostModel } from '../../src/model/host-model.ts';
import { buildCpuClasses } from '../../src/model/cpu-capacity.ts';
import { sysfsTreeFactory } from '../support/sysfs-tree.ts';

const tree = sysfsTreeFactory('kvmlint-hybrid-');
const NOW = new Date('2026-01-02T03:04:05Z');
const capacities = (values: number[]): Record<string, string> =>
  Object.fromEntries(values.map((v, cpu) => [`sys/devices/system/cpu/cpu${cpu}/cpu_capacity`, `${v}\n`]));

function captureAndReload(root: string) {
  const r = captureHost({ root, now: NOW });
  const text = formatSnapshot(r.snapshot);
  const loaded = loadHostSnapshotText(text, 'hybrid.json');
  return { ...r, text, loaded };
}

describe('hybrid CPUs in kvmlint snapshot', () => {
  it('arm64 big.LITTLE (RK3588: four A55 at 414, four A76 at 1024): capacity on every CPU, two classes', () => {
    const { snapshot: s, text, loaded } = captureAndReload(tree(capacities([414, 414, 414, 414, 1024, 1024, 1024, 1024]), Object.keys(capacities(Array(8).fill(0)))));
    assert.deepEqual(s.cpuTopology!.map((c) => c.capacity), [414, 414, 414, 414, 1024, 1024, 1024, 1024]);
    assert.ok(s.cpuTopology!.every((c) => c.coreType === undefined));
    assert.match(text, /"cpu": 4,.*"capacity": 1024 \}/);
    const classes = buildHostModel(loaded).cpuClasses!;
    assert.deepEqual(classes.classes.map((c) => [c.label, c.cpus.toString()]), [['cores of capacity 1024', '4-7'], ['cores of capacity 414', '0-3']]);
    assert.equal(classes.classOf(0), 1);
    assert.equal(classes.classOf(7), 0);
  });

  it('Intel hybrid (cpu_core 0-3, cpu_atom 4-7): the core type of each CPU, P-cores first', () => {
    const { snapshot: s, loaded } = captureAndReload(tree({ 'sys/devices/cpu_core/cpus': '0-3\n', 'sys/devices/cpu_atom/cpus': '4-7\n' }, ['sys/devices/cpu_core/cpus', 'sys/devices/cpu_atom/cpus']));
    assert.deepEqual(s.cpuTopology!.map((c) => c.coreType), ['core', 'core', 'core', 'core', 'atom', 'atom', 'atom', 'atom']);
    const classes = buildHostModel(loaded).cpuClasses!;
    assert.deepEqual(classes.classes.map((c) => [c.label, c.cpus.toString()]), [['P-cores', '0-3'], ['E-cores', '4-7']]);
  });

  it('CPUs that are alike: 1024 everywhere is recorded and gives no classes; no file gives no field', () => {
    const uniform = captureAndReload(tree(capacities(Array(8).fill(1024)), Object.keys(capacities(Array(8).fill(0)))));
    assert.ok(uniform.snapshot.cpuTopology!.every((c) => c.capacity === 1024));
    assert.equal(buildHostModel(uniform.loaded).cpuClasses, undefined);
    const plain = captureAndReload(tree({}));
    assert.ok(plain.snapshot.cpuTopology!.every((c) => !('capacity' in c) && !('coreType' in c)), 'older shape: no new keys');
    assert.equal(buildHostModel(plain.loaded).cpuClasses, undefined);
  });

  it('a capacity outside 0-1024 is left out with a note (the schema would refuse it)', () => {
    const { snapshot: s, notes } = captureAndReload(tree({ 'sys/devices/system/cpu/cpu0/cpu_capacity': '4096\n' }, ['sys/devices/system/cpu/cpu0/cpu_capacity']));
    assert.equal(s.cpuTopology![0]!.capacity, undefined);
    assert.ok(notes.some((n) => /cpu0\/cpu_capacity: 4096 is outside 0-1024/.test(n)), notes.join('\n'));
  });

  it('classes: capacities within 20% of a class\'s largest are one class (CPPC binning is not big.LITTLE)', () => {
    const cpus = (caps: number[]) => caps.map((capacity, cpu) => ({ cpu, capacity }));
    assert.equal(buildCpuClasses(cpus([1024, 1000, 980, 1024])), undefined);
    assert.deepEqual(buildCpuClasses(cpus([1024, 870, 870, 400]))?.classes.map((c) => c.label), ['cores of capacity 870-1024', 'cores of capacity 400']);
    assert.equal(buildCpuClasses(undefined), undefined);
    // The core type wins over capacities when both are there (x86 kernels print both).
    assert.deepEqual(buildCpuClasses([{ cpu: 0, capacity: 1024, coreType: 'core' }, { cpu: 1, capacity: 1000, coreType: 'atom' }])?.source, 'coreType');
  });
});
