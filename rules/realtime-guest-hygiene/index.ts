import { defineDomainRule, type Fix } from '../../src/engine/types.ts';
import { describeVcpus, excerpt } from '../../src/model/describe.ts';
import { isRealtimeDomain, realtimeVcpus } from '../../src/model/threads.ts';
import { effectiveMemballoon } from '../../src/model/qemu-defaults.ts';
import { DOMAIN_CHILD_ORDER, FEATURES_CHILD_ORDER, MEMORY_BACKING_CHILD_ORDER, formatterPredecessor } from '../../src/model/libvirt-order.ts';
import { insertChild, replaceAttributeValue } from '../../src/engine/edit.ts';
import { attribute, firstChild } from '../../src/xml/query.ts';
import type { Range } from '../../src/xml/types.ts';
import type { DomainModel } from '../../src/model/domain.ts';
import { memoryDemands } from '../../src/model/memory-demand.ts';

export default defineDomainRule({
  meta: {
    id: 'realtime-guest-hygiene',
    name: 'RealtimeGuestHygiene',
    severity: 'info',
    type: 'suggestion',
    fixable: true,
    hasSuggestions: true,
    summary: "A realtime guest lacks part of libvirt's kvm-realtime setup: hugepages, locked memory, nosharepages, no memory balloon, PMU off.",
    tags: ['realtime', 'memory', 'latency'],
    messages: {
      noHugepages: {
        message: '{{who}} but guest RAM is not backed by hugepages: TLB misses and page migration stall vCPUs',
        help: 'add <hugepages> (1 GiB pages ideally) to <memoryBacking>',
      },
      notLocked: {
        message: "{{who}} but memory is not locked: the host may swap out QEMU's {{memory}} and stall a vCPU",
        help: 'add <locked/> to <memoryBacking>, with a <memtune><hard_limit> (see locked-memory-risk)',
      },
      noNosharepages: {
        message: '{{who}} but <nosharepages/> is missing: KSM may merge guest pages, then copy them on write',
        help: 'add <nosharepages/> to <memoryBacking>',
      },
      balloon: {
        message: "{{who}} but the guest has a memory balloon (model '{{model}}'): it takes memory at run time",
        help: "use <memballoon model='none'/>",
      },
      implicitBalloon: {
        message: '{{who}} but there is no <memballoon>: libvirt adds a virtio balloon for this machine type',
        help: "add <memballoon model='none'/> to <devices>",
      },
      pmu: {
        message: '{{who}} but the virtual PMU is {{state}}: guest perf counters add VM exits and jitter',
        help: "set <pmu state='off'/> in <features>",
      },
      pmuOff: { message: "set <pmu state='off'/>" },
    },
  },
  check({ domain, source, report }) {
    if (!isRealtimeDomain(domain)) return;
    const rt = realtimeVcpus(domain);
    const who = `${describeVcpus(rt)} ${rt.size === 1 ? 'has' : 'have'} realtime scheduling`;
    const text = source.text;
    const mb = domain.memoryBacking;
    // Memory-backing findings sit on <memoryBacking>, or on <memory> when there is none.
    const memAt: Range = (mb?.element ?? domain.memory?.element ?? domain.element).startTag;

    if (!mb?.hugepages) {
      report({
        range: memAt,
        messageId: 'noHugepages',
        data: { who },
      });
    }
    // hugetlbfs pages are never on the LRU, so never swapped: with hugepages backing all of guest RAM,
    // only QEMU's own memory (its heap, code, device buffers) can be.
    const allHuge = mb?.hugepages !== undefined && memoryDemands(domain).every((slice) => slice.hugepages !== undefined);
    if (!mb?.locked) {
      report({
        range: memAt,
        messageId: 'notLocked',
        data: { who, memory: allHuge ? 'own memory' : 'memory' },
      });
    }
    // KSM never merges hugetlb pages (mm/ksm.c vma_ksm_compatible refuses VM_HUGETLB): with hugepages
    // backing every slice of guest memory, <nosharepages/> changes nothing.
    if (!mb?.nosharepages && !allHuge) {
      report({
        range: memAt,
        messageId: 'noNosharepages',
        data: { who },
        fix: nosharepagesFix(text, domain),
      });
    }

    const balloon = effectiveMemballoon(domain);
    if (balloon && balloon.model !== 'none') {
      const model = balloon.element ? attribute(balloon.element, 'model') : undefined;
      const range = model?.valueRange ?? balloon.element?.startTag ?? (firstChild(domain.element, 'devices') ?? domain.element).startTag;
      // Ballooning takes memory from the guest at run time; the guest faults it back in later.
      if (balloon.element) report({ range, messageId: 'balloon', data: { who, model: excerpt(balloon.model ?? '', 24) } });
      else report({ range, messageId: 'implicitBalloon', data: { who } });
    }

    const pmu = domain.devices.pmu();
    if (pmu?.state !== 'off') {
      const features = domain.devices.features();
      const state = pmu ? attribute(pmu.element, 'state') : undefined;
      let fix: Fix | undefined;
      let suggestions: Array<{ messageId: 'pmuOff'; fix: Fix }> | undefined;
      if (state && pmu?.state === 'on') {
        // Turned on explicitly: someone wanted the guest PMU (perf in the guest); turning it off is their call.
        suggestions = [{ messageId: 'pmuOff', fix: replaceAttributeValue(state, 'off') }];
      } else if (!pmu && features) {
        fix = insertChild(text, features, { name: 'pmu', attributes: [['state', 'off']] }, formatterPredecessor(features, 'pmu', FEATURES_CHILD_ORDER));
      }
      report({
        range: state?.valueRange ?? pmu?.element.startTag ?? features?.startTag ?? domain.element.startTag,
        // The guest's perf counters and NMI watchdog run on counters KVM emulates with host perf events.
        messageId: 'pmu',
        data: { who, state: !pmu ? 'not turned off' : pmu.state === undefined ? 'on (<pmu> without state)' : `'${excerpt(pmu.state, 16)}'` },
        fix,
        suggestions,
      });
    }
  },
});

/** <nosharepages/> where libvirt writes it: after <hugepages> in <memoryBacking>, which is created (before <vcpu>) when absent. */
function nosharepagesFix(text: string, domain: DomainModel): Fix {
  const mb = domain.memoryBacking?.element;
  if (mb) return insertChild(text, mb, { name: 'nosharepages', attributes: [] }, formatterPredecessor(mb, 'nosharepages', MEMORY_BACKING_CHILD_ORDER));
  return insertChild(
    text,
    domain.element,
    { name: 'memoryBacking', attributes: [], children: [{ name: 'nosharepages', attributes: [] }] },
    formatterPredecessor(domain.element, 'memoryBacking', DOMAIN_CHILD_ORDER),
  );
}
