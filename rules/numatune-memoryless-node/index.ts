import { defineHostRule } from '../../src/engine/types.ts';
import type { CpusetAttr } from '../../src/model/domain.ts';
import { describeNodes } from '../../src/model/describe.ts';
import { hostNodeSets } from '../../src/model/host-nodes.ts';
import { numatunePlacement } from '../../src/model/numa.ts';

export default defineHostRule({
  meta: {
    id: 'numatune-memoryless-node',
    name: 'NumatuneMemorylessNode',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A <numatune> nodeset names host NUMA nodes that have no memory (all of them: error; some: warning).',
    tags: ['numa', 'memory', 'host'],
    messages: {
      onlyMemoryless: {
        message: '{{label}} binds memory (mode {{mode}}) only to host {{nodes}}, without memory: the kernel refuses the policy',
        help: 'bind it to {{instead}}, ideally the one nearest to the CPUs the guest runs on',
      },
      someMemoryless: {
        message: '{{label}} nodeset includes host {{nodes}}, without memory: the kernel allocates only from {{rest}}',
        help: 'remove {{them}} from the nodeset so it says where the memory really is',
      },
    },
  },
  check({ domain, host, report }) {
    const nt = domain.numatune;
    if (!nt || numatunePlacement(domain) !== 'static') return;
    const { all, memoryless } = hostNodeSets(host.model);
    if (memoryless.isEmpty) return;
    const withMemory = all.subtract(memoryless);

    const check = (label: string, mode: string, c: CpusetAttr | undefined) => {
      const set = c?.set;
      if (!set) return;
      // Nodes the host does not have are pin-target-offline's; only the host's own nodes are weighed here.
      const named = set.intersect(all);
      const empty = named.intersect(memoryless);
      if (empty.isEmpty) return;
      const instead = withMemory.isEmpty ? 'a node with memory' : `a node with memory (${withMemory.toString()})`;
      if (empty.equals(named)) {
        // mm/mempolicy.c mpol_set_nodemask(): the policy's nodes are intersected with N_MEMORY, and an
        // empty result makes mbind()/set_mempolicy() fail with EINVAL (QEMU's host-nodes binding of guest
        // memory then aborts the start); cgroup v1 cpuset.mems rejects nodes without memory as well.
        report({ range: c.attr.valueRange, messageId: 'onlyMemoryless', data: { label, mode, nodes: describeNodes(empty), instead } });
      } else {
        report({
          range: c.attr.valueRange,
          severity: 'warning',
          messageId: 'someMemoryless',
          data: { label, nodes: describeNodes(empty), rest: describeNodes(named.subtract(empty)), them: empty.size === 1 ? 'it' : 'them' },
        });
      }
    };
    if (nt.memory) check('<numatune><memory>', nt.memory.mode, nt.memory.nodeset);
    for (const m of nt.memnodes) check(`<memnode cellid='${m.cellid ?? '?'}'>`, m.mode, m.nodeset);
  },
});
