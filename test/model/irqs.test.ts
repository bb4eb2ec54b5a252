import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CpuSet } from '../../src/model/cpuset.ts';
import { isPerCpuInterrupt, isQuietManagedQueue } from '../../src/model/irqs.ts';

describe('interrupts an isolated CPU lives with', () => {
  it('arm64 and RISC-V per-CPU interrupts, by the names their drivers request them with', () => {
    for (const name of ['IPI', 'arch_timer', 'arm-pmu', 'kvm guest vtimer', 'kvm guest ptimer', 'vgic', 'riscv-timer', 'arch_timer,IPI']) {
      assert.ok(isPerCpuInterrupt(name), name);
    }
    // A shared line with one steerable action is still steerable; names are matched whole.
    for (const name of [undefined, '', 'IPI,eth0', 'mlx5_comp20@pci:0000:01:00.0', 'arch_timer_mem', 'ipi', 'eth0-TxRx-3']) {
      assert.ok(!isPerCpuInterrupt(name), String(name));
    }
  });

  it('NVMe I/O queues confined to isolated CPUs; not the admin queue, not a queue that reaches housekeeping CPUs', () => {
    const isolated = CpuSet.range(8, 79);
    assert.ok(isQuietManagedQueue('nvme0q9', CpuSet.of(8), isolated));
    assert.ok(!isQuietManagedQueue('nvme0q0', CpuSet.of(8), isolated));
    assert.ok(!isQuietManagedQueue('nvme0q1', CpuSet.of(0, 8), isolated));
  });
});
