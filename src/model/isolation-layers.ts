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
import { CpuSet } from './cpuset.ts';
import type { HostIsolationLayers, HostSnapshot, IsolationFact, IsolationLayer, SnapshotCpuList } from './host.ts';
import { KERNEL_MAX_NR_CPUS, parseIsolcpus, parseKernelCmdline, parseKernelCpuList, type KernelParam } from './kernel-cpulist.ts';

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
export function cpuListFailure(param: string, value: string, error: string, possible: CpuSet | undefined): IsolationFact {
  const wide = param === 'isolcpus' ? parseIsolcpus(value, { nbits: KERNEL_MAX_NR_CPUS }) : parseKernelCpuList(value, { nbits: KERNEL_MAX_NR_CPUS });
  const wideMax = wide.ok ? ('cpus' in wide.value ? wide.value.cpus.max : wide.value.max) : undefined;
  if (possible?.max !== undefined && wideMax !== undefined && wideMax > possible.max) {
    return { kind: 'beyond-possible', param, value, cpu: wideMax, possible };
  }
  return { kind: 'unparseable', param, value, error };
}

const isDomain = (a: AppliedIsolationParam): boolean => a.name === 'isolcpus' && a.flags.includes('domain');
const isNohz = (a: AppliedIsolationParam): boolean => a.name === 'nohz_full' || (a.name === 'isolcpus' && a.flags.includes('nohz'));

/** The JSON path of a snapshot CPU list's text (`.raw` for the object form). */
function listPath(path: string, list: SnapshotCpuList): string {
  return typeof list === 'string' ? path : `${path}.raw`;
}

/** The last occurrence of a parameter (its setup function runs per occurrence and overwrites its mask). */
function lastParam(params: readonly KernelParam[], name: string): KernelParam | undefined {
  let found: KernelParam | undefined;
  for (const p of params) if (p.key.replaceAll('-', '_') === name) found = p;
  return found;
}

export function buildIsolationLayers(input: IsolationLayersInput): HostIsolationLayers {
  const s = input.snapshot;
  const cmdline = s.kernel?.cmdline;
  const cmdlineKnown = cmdline !== undefined;
  const params = cmdlineKnown ? parseKernelCmdline(cmdline) : [];
  const facts: IsolationFact[] = [];
  const width = input.nrCpuIds === undefined ? {} : { nrCpuIds: input.nrCpuIds };

  const fromCmdline = (pick: (a: AppliedIsolationParam) => boolean, absent: string): IsolationLayer | undefined => {
    if (!cmdlineKnown) return undefined;
    const list = input.applied.filter(pick);
    const cpus = list.reduce((acc, a) => acc.union(a.cpus), CpuSet.empty);
    const written = list.map((a) => a.param ?? `${a.name}=${a.value}`);
    return { cpus, source: written.length > 0 ? written.join(' ') : `the kernel command line (no ${absent})`, path: 'kernel.cmdline', param: written[0] };
  };
  const cmdDomain = fromCmdline(isDomain, 'isolcpus');
  const cmdNohz = fromCmdline(isNohz, 'nohz_full');

  // The running kernel's own view wins over the command line (rules.md §0).
  const running = (path: string, list: SnapshotCpuList | undefined, cmd: IsolationLayer | undefined, layer: 'domain' | 'nohz'): IsolationLayer | undefined => {
    const cpus = input.cpuList(path, list);
    if (cpus === undefined || list === undefined) return cmd;
    const sysPath = `/sys/devices/system/cpu/${layer === 'domain' ? 'isolated' : 'nohz_full'}`;
    if (cmd !== undefined && !cmd.cpus.equals(cpus)) {
      facts.push({ kind: 'cmdline-vs-running', layer, commandLine: cmd.cpus, running: cpus, runningPath: listPath(path, list) });
    }
    return { cpus, source: sysPath, path: listPath(path, list) };
  };
  const domain = running('isolation.isolated', s.isolation?.isolated, cmdDomain, 'domain');
  const nohz = running('isolation.nohzFull', s.isolation?.nohzFull, cmdNohz, 'nohz');

  const isolcpus = input.applied.find((a) => a.name === 'isolcpus');
  const managed = input.applied.filter((a) => a.name === 'isolcpus' && a.flags.includes('managed_irq'));
  const managedIrq: IsolationLayer | undefined =
    managed.length > 0
      ? { cpus: managed.reduce((acc, a) => acc.union(a.cpus), CpuSet.empty), source: managed[0]!.param ?? `isolcpus=${managed[0]!.value}`, path: 'kernel.cmdline', param: managed[0]!.param }
      : undefined;

  // rcu_nocbs: rcu_nocb_setup() (kernel/rcu/tree_nocb.h) parses each occurrence into a fresh
  // mask (the last wins); a bare `rcu_nocbs` offloads nothing at boot; a list that does not
  // parse makes the kernel warn "rcu_nocbs= bad CPU range, all CPUs set".
  let rcuNocbs: IsolationLayer | undefined;
  if (cmdlineKnown) {
    const p = lastParam(params, 'rcu_nocbs');
    const param = p ? (p.value === undefined ? p.key : `${p.key}=${p.value}`) : undefined;
    if (!p) rcuNocbs = { cpus: CpuSet.empty, source: 'the kernel command line (no rcu_nocbs)', path: 'kernel.cmdline' };
    else if (p.value === undefined || p.value === '') rcuNocbs = { cpus: CpuSet.empty, source: param!, path: 'kernel.cmdline', param };
    else {
      const r = parseKernelCpuList(p.value, width);
      if (r.ok) rcuNocbs = { cpus: r.value, source: param!, path: 'kernel.cmdline', param };
      else {
        facts.push(cpuListFailure('rcu_nocbs', p.value, r.error, input.possible));
        rcuNocbs = { cpus: input.possible ?? input.online, source: `${param} (does not parse: every CPU)`, path: 'kernel.cmdline', param };
      }
    }
  }
  // rcu_init_nohz(): nohz_full CPUs are offloaded whatever rcu_nocbs says. Without the command
  // line, rcu_nocbs is unknown, so only the nohz_full CPUs are known to be offloaded: undefined.
  const rcuOffload = rcuNocbs === undefined ? undefined : rcuNocbs.cpus.union(nohz?.cpus ?? CpuSet.empty);

  // irqaffinity: irq_affinity_setup() (kernel/irq/irqdesc.c), the last occurrence; the kernel adds the boot CPU.
  let irqAffinity: IsolationLayer | undefined;
  const irq = cmdlineKnown ? lastParam(params, 'irqaffinity') : undefined;
  if (irq?.value !== undefined) {
    const r = parseKernelCpuList(irq.value, width);
    if (r.ok) irqAffinity = { cpus: r.value, source: `${irq.key}=${irq.value}`, path: 'kernel.cmdline', param: `${irq.key}=${irq.value}` };
    else facts.push(cpuListFailure('irqaffinity', irq.value, r.error, input.possible));
  }

  // tuned: isolated_cores counts under an isolating profile (or an unknown one, as for I);
  // no_balance_cores is a cpu-partitioning variable (/etc/tuned/cpu-partitioning-variables.conf).
  // The active profiles and every profile they include (tuned.includes): a custom profile built on cpu-partitioning partitions too.
  const profile = s.tuned?.activeProfile === undefined ? undefined : [s.tuned.activeProfile, ...(s.tuned.includes ?? [])].join(' ');
  const tunedApplies = profile === undefined || input.isIsolatingTunedProfile(profile);
  const tunedLayer = (path: string, list: SnapshotCpuList | undefined, source: string): IsolationLayer | undefined => {
    if (!tunedApplies || list === undefined) return undefined;
    const cpus = input.cpuList(path, list);
    return cpus === undefined || cpus.isEmpty ? undefined : { cpus, source, path: listPath(path, list) };
  };
  const partitioning = profile === undefined || profile.split(/\s+/).some((p) => p.startsWith('cpu-partitioning'));

  return {
    cmdlineKnown,
    domain,
    isolcpusFlags: isolcpus?.flags,
    nohz,
    rcuNocbs,
    rcuOffload,
    irqAffinity,
    managedIrq,
    tunedIsolated: tunedLayer('tuned.isolatedCores', s.tuned?.isolatedCores, 'tuned isolated_cores'),
    tunedNoBalance: partitioning ? tunedLayer('tuned.noBalanceCores', s.tuned?.noBalanceCores, 'tuned no_balance_cores') : undefined,
    commandLine: cmdDomain && cmdNohz ? { domain: cmdDomain.cpus, nohz: cmdNohz.cpus } : undefined,
    facts,
  };
}
