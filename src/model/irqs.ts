import type { CpuSet } from './cpuset.ts';

/**
 * Interrupts an isolated CPU can live with. Reproduces the kernel's rule for managed queue vectors
 * (Documentation/admin-guide/kernel-parameters.txt, isolcpus `managed_irq`; kernel/irq/manage.c
 * irq_do_set_affinity): a block device's per-queue vectors are spread over the CPUs by the kernel
 * (pci_alloc_irq_vectors_affinity with PCI_IRQ_AFFINITY), /proc/irq/N/smp_affinity cannot move them,
 * and a queue whose mask holds only isolated CPUs "is only delivered when tasks running on those
 * isolated CPUs submit IO". A vCPU submits none: QEMU does a guest's disk I/O from its main loop and
 * IOThreads (ioeventfd), which belong on housekeeping CPUs.
 *
 * /proc does not say which vectors are managed. NVMe's I/O queues are, and are named for it
 * (drivers/nvme/host/pci.c queue_request_irq: `nvme<controller>q<queue>`; queue 0, the admin queue,
 * is a pre-vector and not managed). Other drivers' vectors are not recognised, so still counted.
 */
const NVME_IO_QUEUE = /^nvme\d+q[1-9]\d*$/;

/** True for an IRQ that only NVMe I/O queues use, with a mask of isolated CPUs only. */
export function isQuietManagedQueue(actionNames: string | undefined, affinity: CpuSet, isolated: CpuSet): boolean {
  if (!actionNames || affinity.isEmpty || !affinity.isSubsetOf(isolated)) return false;
  return actionNames.split(',').every((name) => NVME_IO_QUEUE.test(name));
}

/**
 * Per-CPU interrupts, by the name their driver requests them with (request_percpu_irq/request_percpu_nmi):
 * each CPU takes its own from its own timer, PMU or another CPU, and no smp_affinity moves them (kernel/irq/
 * manage.c refuses to set the affinity of a per-CPU devid interrupt). On arm64 and RISC-V they have
 * /proc/irq/N directories whose affinity lists every CPU, where x86 keeps its local APIC vectors out of
 * /proc/irq entirely. Names:
 * - `IPI`: arch/arm64/kernel/smp.c ipi_setup_sgi (and ipi_setup_lpi), arch/riscv/kernel/smp.c;
 * - `arch_timer`: drivers/clocksource/arm_arch_timer.c (the tick; nohz_full stops it, no affinity can);
 * - `arm-pmu`: drivers/perf/arm_pmu.c armpmu_request_irq;
 * - `kvm guest vtimer`, `kvm guest ptimer`: arch/arm64/kvm/arch_timer.c kvm_timer_hyp_init, the guest's
 *   own timers while its vCPU runs on the CPU;
 * - `vgic`: arch/arm64/kvm/vgic/vgic-init.c, the GIC maintenance interrupt for the vCPU running there;
 * - `riscv-timer`: drivers/clocksource/timer-riscv.c.
 */
const PER_CPU_ACTIONS: ReadonlySet<string> = new Set(['IPI', 'arch_timer', 'arm-pmu', 'kvm guest vtimer', 'kvm guest ptimer', 'vgic', 'riscv-timer']);

/** True for an IRQ whose every action is a per-CPU interrupt that cannot be steered (see PER_CPU_ACTIONS). */
export function isPerCpuInterrupt(actionNames: string | undefined): boolean {
  if (!actionNames) return false;
  return actionNames.split(',').every((name) => PER_CPU_ACTIONS.has(name));
}
