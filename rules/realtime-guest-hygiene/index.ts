import { defineRule, type Fix, type Suggestion } from '../../src/engine/types.ts';
import { describeVcpus, excerpt } from '../../src/model/describe.ts';
import { isRealtimeDomain, realtimeVcpus } from '../../src/model/threads.ts';
import { effectiveMemballoon } from '../../src/model/qemu-defaults.ts';
import { DOMAIN_CHILD_ORDER, FEATURES_CHILD_ORDER, MEMORY_BACKING_CHILD_ORDER, formatterPredecessor } from '../../src/model/libvirt-order.ts';
import { insertChild, replaceAttributeValue } from '../../src/engine/edit.ts';
import { attribute, firstChild } from '../../src/xml/query.ts';
import type { Range } from '../../src/xml/types.ts';
import type { DomainModel } from '../../src/model/domain.ts';

export default defineRule({
  meta: {
    id: 'realtime-guest-hygiene',
    name: 'RealtimeGuestHygiene',
    severity: 'info',
    type: 'suggestion',
    needs: 'domain',
    fixable: true,
    hasSuggestions: true,
    summary: "A realtime guest lacks part of libvirt's kvm-realtime setup: hugepages, locked memory, nosharepages, no memory balloon, PMU off.",
    tags: ['realtime', 'memory', 'latency'],
  },
  checkDomain({ domain, source, report }) {
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
        message: `${who} but guest RAM is not backed by hugepages: small pages mean more TLB misses, each a longer two-level page walk, and the kernel may migrate or collapse those pages under the guest; add <hugepages> (1 GiB pages ideally) to <memoryBacking>`,
      });
    }
    if (!mb?.locked) {
      report({
        range: memAt,
        message: `${who} but memory is not locked: the host may swap out QEMU's own memory (and guest RAM not backed by hugepages), and a fault on a swapped page stalls the vCPU; add <locked/> to <memoryBacking>, with a <memtune><hard_limit> (see locked-memory-risk)`,
      });
    }
    if (!mb?.nosharepages) {
      report({
        range: memAt,
        message: `${who} but <nosharepages/> is missing: KSM may scan and merge identical guest pages, and the next write to a merged page takes a copy-on-write fault; add <nosharepages/> to <memoryBacking>`,
        fix: nosharepagesFix(text, domain),
      });
    }

    const balloon = effectiveMemballoon(domain);
    if (balloon && balloon.model !== 'none') {
      const model = balloon.element ? attribute(balloon.element, 'model') : undefined;
      report({
        range: model?.valueRange ?? balloon.element?.startTag ?? (firstChild(domain.element, 'devices') ?? domain.element).startTag,
        message: balloon.element
          ? `${who} but the guest has a memory balloon (model '${excerpt(balloon.model ?? '')}'): ballooning takes memory from the guest at run time and the guest faults it back in later; use <memballoon model='none'/>`
          : `${who} but there is no <memballoon>, so libvirt adds a virtio balloon for this machine type: ballooning takes memory from the guest at run time and the guest faults it back in later; add <memballoon model='none'/> to <devices>`,
      });
    }

    const pmu = domain.devices.pmu();
    if (pmu?.state !== 'off') {
      const features = domain.devices.features();
      const state = pmu ? attribute(pmu.element, 'state') : undefined;
      let fix: Fix | undefined;
      let suggestions: Suggestion[] | undefined;
      if (state && pmu?.state === 'on') {
        // Turned on explicitly: someone wanted the guest PMU (perf in the guest); turning it off is their call.
        suggestions = [{ message: "set <pmu state='off'/>", fix: replaceAttributeValue(state, 'off') }];
      } else if (!pmu && features) {
        fix = insertChild(text, features, { name: 'pmu', attributes: [['state', 'off']] }, formatterPredecessor(features, 'pmu', FEATURES_CHILD_ORDER));
      }
      report({
        range: state?.valueRange ?? pmu?.element.startTag ?? features?.startTag ?? domain.element.startTag,
        message: `${who} but the virtual PMU is ${!pmu ? 'not turned off' : pmu.state === undefined ? "not turned off (<pmu> without state='off')" : `not off (state '${excerpt(pmu.state)}')`}: the guest's perf counters and NMI watchdog then run on counters KVM emulates with host perf events, adding VM exits and jitter; set <pmu state='off'/> in <features>`,
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
