/**
 * The host's CPU isolation layer by layer, each with its source: the scheduler
 * domain set (isolcpus), the tick-less set (nohz_full), RCU callback offload
 * (rcu_nocbs), the default IRQ affinity (irqaffinity), managed-IRQ isolation and
 * tuned's isolated_cores / no_balance_cores. The isolated set I itself stays in
 * host-model.ts (resolveIsolation); this reads the isolcpus=/nohz_full= values
 * that function already parsed and applied, and parses the rest with the
 * kernel's cpu-list grammar.
 *
 * Kernel behaviour relied on:
 * - kernel/sched/isolation.c: isolcpus flags (no flag = domain; `nohz` is the same
 *   isolation as nohz_full=, "isolcpus=nohz is equivalent to nohz_full").
 * - drivers/base/cpu.c: /sys/devices/system/cpu/isolated prints the CPUs outside the
 *   HK_TYPE_DOMAIN housekeeping mask (the isolcpus domain set); .../nohz_full prints
 *   tick_nohz_full_mask.
 * - kernel/rcu/tree_nocb.h: rcu_nocb_setup() takes the last rcu_nocbs= (a list that
 *   does not parse sets every CPU); rcu_init_nohz() ORs tick_nohz_full_mask into
 *   rcu_nocb_mask, so every nohz_full CPU has its callbacks offloaded too.
 * - kernel/irq/irqdesc.c irq_affinity_setup(): irqaffinity= list plus the boot CPU.
 */
import { CpuSet } from './cpuset.js';
import type { HostIsolationLayers, HostSnapshot, IsolationFact, SnapshotCpuList } from './host.js';
/** An isolcpus= or nohz_full= occurrence the kernel applied (host-model.ts commandLineIsolation). */
export interface AppliedIsolationParam {
    /** `isolcpus` or `nohz_full`. */
    name: string;
    value: string;
    /** isolcpus flags (`['domain']` when none was given); empty for nohz_full. */
    flags: string[];
    cpus: CpuSet;
    /** `key=value` as written on the command line. */
    param?: string;
}
export interface IsolationLayersInput {
    snapshot: HostSnapshot;
    possible: CpuSet | undefined;
    online: CpuSet;
    nrCpuIds: number | undefined;
    /** Parses the snapshot CPU list at a JSON path (without `.raw`); undefined when absent. */
    cpuList(path: string, list: SnapshotCpuList | undefined): CpuSet | undefined;
    applied: readonly AppliedIsolationParam[];
    isIsolatingTunedProfile(profile: string): boolean;
}
/**
 * Why a command-line CPU list failed: a CPU past the possible range (cpulist_parse()
 * rejects ids at or above nr_cpu_ids), or a plain syntax error.
 */
export declare function cpuListFailure(param: string, value: string, error: string, possible: CpuSet | undefined): IsolationFact;
export declare function buildIsolationLayers(input: IsolationLayersInput): HostIsolationLayers;
