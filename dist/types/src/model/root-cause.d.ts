/**
 * Root causes that other findings only follow from (issue 13: one finding per cause).
 *
 * A pin naming a CPU the host does not have online is pin-target-offline's: libvirt
 * cannot apply it (qemu_process.c qemuProcessSetupPid → virProcessSetAffinity fails
 * with EINVAL), so the guest does not start, and nothing about SMT pairing, NUMA
 * nodes or housekeeping can be said of that CPU. Rules that judge where a pinned
 * thread runs ask here before reporting, instead of each restating the rule.
 */
import type { HostModel } from './host.js';
/** True when every CPU of `cpus` is online on the host: only then is the placement of a pin worth judging. */
export declare function pinTargetsOnline(host: HostModel, cpus: Iterable<number>): boolean;
/**
 * True when `cpu` is one of the host's housekeeping CPUs: a vCPU dedicated there is
 * housekeeping-overlap's finding (it shares the CPU with the kernel's and QEMU's own
 * threads), so what its SMT sibling runs is not a second cause to report.
 */
export declare function onHousekeeping(host: HostModel, cpu: number): boolean;
