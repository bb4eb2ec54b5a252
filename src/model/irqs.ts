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
