import { defineRule } from '../../src/engine/types.ts';
import { formatKiB } from '../../src/model/units.ts';

/** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED in KiB: a hard_limit written as this value means "no limit" (virMemoryLimitIsSet). */
const UNLIMITED_KIB = 9007199254740991;

export default defineRule({
  meta: {
    id: 'locked-memory-risk',
    name: 'LockedMemoryRisk',
    severity: 'warning',
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'Locked guest memory without a memtune hard_limit (QEMU may then lock memory without bound) or without hugepages.',
    tags: ['memory'],
  },
  checkDomain({ domain, report }) {
    const locked = domain.memoryBacking?.locked;
    // The memlock handling below is the QEMU driver's (qemu_domain.c); other drivers do not honour <locked/> this way.
    if (!locked || (domain.type !== 'kvm' && domain.type !== 'qemu')) return;
    const hard = domain.memtune?.hardLimit;
    const noLimit = !hard || hard.kib >= UNLIMITED_KIB;
    const noHugepages = !domain.memoryBacking!.hugepages;
    if (!noLimit && !noHugepages) return;
    const memory = domain.memory ? ` (${formatKiB(domain.memory.kib)})` : '';
    const problems: string[] = [];
    if (noLimit) {
      problems.push(
        `there is no <memtune><hard_limit>, so libvirt removes QEMU's locked-memory limit (RLIMIT_MEMLOCK): guest RAM${memory} and all of QEMU's own allocations are locked without bound and the host can never reclaim them; ` +
          `set <hard_limit> to the guest RAM plus QEMU's overhead (libvirt uses it as both the lock limit and the cgroup memory limit, so too low a value stops QEMU from starting or gets it killed)`,
      );
    }
    if (noHugepages) {
      problems.push(
        `guest RAM is not backed by hugepages, so all of it${memory} is allocated in ordinary pages and locked when QEMU starts, out of the host's reclaimable memory for good ` +
          `(and unmovable where compaction skips locked pages, the PREEMPT_RT default); back the guest with hugepages, which are never swapped anyway`,
      );
    }
    report({ range: locked.startTag, message: `<locked/> is set but ${problems.join('; also, ')}` });
  },
});
