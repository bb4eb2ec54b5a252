import { defineDomainRule } from '../../src/engine/types.ts';
import { formatKiB } from '../../src/model/units.ts';

/** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED in KiB: a hard_limit written as this value means "no limit" (virMemoryLimitIsSet). */
const UNLIMITED_KIB = 9007199254740991;

export default defineDomainRule({
  meta: {
    id: 'locked-memory-risk',
    name: 'LockedMemoryRisk',
    severity: 'warning',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Locked guest memory without a memtune hard_limit (QEMU may then lock memory without bound) or without hugepages.',
    tags: ['memory'],
    messages: {
      noLimit: {
        message: "<locked/> without <memtune><hard_limit>: QEMU may lock guest RAM{{memory}} and its own memory without bound",
        help: "set <hard_limit> to guest RAM plus QEMU's overhead (it is also the cgroup memory limit: too low stops or kills QEMU)",
      },
      noHugepages: {
        message: '<locked/> without hugepages: guest RAM{{memory}} is locked in ordinary pages, never reclaimable',
        help: 'back the guest with hugepages (<memoryBacking><hugepages/>), which are never swapped anyway',
      },
      neither: {
        message: '<locked/> without <hard_limit> or hugepages: guest RAM{{memory}} is locked in ordinary pages without bound',
        help: "back the guest with hugepages and set <memtune><hard_limit> to guest RAM plus QEMU's overhead",
      },
    },
  },
  check({ domain, report }) {
    const locked = domain.memoryBacking?.locked;
    // The memlock handling below is the QEMU driver's (qemu_domain.c); other drivers do not honour <locked/> this way.
    if (!locked || (domain.type !== 'kvm' && domain.type !== 'qemu')) return;
    const hard = domain.memtune?.hardLimit;
    const noLimit = !hard || hard.kib >= UNLIMITED_KIB;
    const noHugepages = !domain.memoryBacking!.hugepages;
    if (!noLimit && !noHugepages) return;
    const memory = domain.memory ? ` (${formatKiB(domain.memory.kib)})` : '';
    const messageId = noLimit && noHugepages ? 'neither' : noLimit ? 'noLimit' : 'noHugepages';
    report({ range: locked.startTag, messageId, data: { memory } });
  },
});
