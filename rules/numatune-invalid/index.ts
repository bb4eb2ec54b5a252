import { defineDomainRule } from '../../src/engine/types.ts';
import { excerpt } from '../../src/model/describe.ts';
import { numatunePlacement } from '../../src/model/numa.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { attribute } from '../../src/xml/query.ts';

/**
 * libvirt 7.3.0 added mode 'restrictive' (virDomainNumatuneMemMode in src/conf/numa_conf.c: 7.0.0's enum ends at
 * interleave, 9.0.0's has restrictive); an older libvirt fails to parse it ("Unsupported NUMA memory tuning mode").
 */
const RESTRICTIVE_MODE_SINCE = '7.3.0';

/** libvirt 9.4.0 (src/conf/numa_conf.c virDomainNumaDefValidate) refuses a restrictive memnode under a <memory> that is not. */
const RESTRICTIVE_MEMNODE_CHECKED_SINCE = '9.4.0';

export default defineDomainRule({
  meta: {
    id: 'numatune-invalid',
    name: 'NumatuneInvalid',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A <numatune> libvirt rejects: memnode for a missing or repeated guest cell, memnode under automatic placement, static placement without nodeset.',
    tags: ['numa', 'memory'],
    messages: {
      unknownPlacement: { message: "<memory placement='{{value}}'> is not a placement libvirt knows", help: 'use static or auto' },
      noNodeset: {
        message: '<numatune><memory> has static placement{{implied}} but no nodeset: libvirt rejects this at define time',
        help: "add nodeset='…', or placement='auto'",
      },
      nodesetIgnored: {
        message: "nodeset is ignored with placement='auto': libvirt drops it and numad chooses the nodes",
        help: "remove the nodeset, or use placement='static' to keep it",
      },
      memnodeAuto: {
        message: '<memnode> under automatic placement ({{by}}): libvirt rejects per-cell binding with numad',
        help: 'use static placement with a nodeset, or drop the <memnode>',
      },
      memnodeNoCells: {
        message: '<memnode> binds a guest NUMA cell but the domain defines none: libvirt rejects this at define time',
        help: 'define <cpu><numa> cells, or bind the whole guest with <memory nodeset>',
      },
      noCellid: { message: '<memnode> has no cellid: libvirt rejects it at define time', help: "name the guest cell it binds, e.g. cellid='0'" },
      memnodeNoNodeset: {
        message: '<memnode> has no nodeset: libvirt rejects it ("Missing required nodeset attribute in memnode element")',
        help: 'name the host nodes for the cell',
      },
      cellidBeyond: {
        message: "<memnode cellid='{{cellid}}'> but the guest has {{cells}}: libvirt rejects this at define time",
        help: 'bind only cells the guest has',
      },
      cellidTwice: {
        message: 'guest cell {{cellid}} has a second <memnode>: libvirt rejects this ("Multiple memnode elements with cellid {{cellid}}")',
        help: 'keep one <memnode> per cell',
      },
      restrictiveMismatch: {
        message: "<memnode cellid='{{cellid}}'> mode {{mode}} with <memory> mode {{memMode}}: libvirt rejects this at define time",
        help: "use mode 'restrictive' on both or on neither",
      },
      restrictiveMemnode: {
        message: "<memnode cellid='{{cellid}}'> mode restrictive with <memory> mode {{memMode}}: libvirt {{since}} and later reject this",
        help: "use mode 'restrictive' on both or on neither (older libvirt takes it, and refuses to start it once upgraded)",
      },
      restrictiveUnknown: {
        message: "mode 'restrictive' is unknown to libvirt {{version}}, which rejects it at define time (it came in {{since}})",
        help: "use mode 'strict' on a host with libvirt before {{since}}",
      },
      restrictiveMemnodeOld: {
        message: "<memnode cellid='{{cellid}}'> mode restrictive with <memory> mode {{memMode}}: libvirt {{version}} takes it, {{since}} refuses it",
        help: "use mode 'restrictive' on both or on neither: after an upgrade to libvirt {{since}} the guest no longer starts",
      },
    },
  },
  check({ domain, host, report }) {
    const nt = domain.numatune;
    if (!nt) return;
    const mem = nt.memory;
    const placement = numatunePlacement(domain);
    const version = host?.model.libvirtVersion;
    // On a libvirt without the mode, the first 'restrictive' fails the parse: one finding, the others related,
    // and the pairing checks below (between restrictive and other modes) do not apply.
    const restrictiveKnown = libvirtAtLeast(version, RESTRICTIVE_MODE_SINCE) !== false;
    if (!restrictiveKnown) {
      const modes = [mem, ...nt.memnodes].filter((m) => m?.mode === 'restrictive').map((m) => attribute(m!.element, 'mode')!);
      if (modes.length > 0) {
        const related = modes.slice(1).map((a) => ({ range: a.valueRange, message: "another mode 'restrictive' here" }));
        report({ range: modes[0]!.valueRange, messageId: 'restrictiveUnknown', data: { version: version!, since: RESTRICTIVE_MODE_SINCE }, related });
      }
    }
    // All from numa_conf.c virDomainNumatuneParseXML, virDomainNumatuneSet, virDomainNumatuneNodeParseXML
    // and virDomainNumaDefValidate.
    if (mem) {
      const p = mem.placementAttr;
      if (p && p.value !== 'static' && p.value !== 'auto') {
        report({ range: p.valueRange, messageId: 'unknownPlacement', data: { value: excerpt(p.value) } });
      } else if (placement === 'static' && !mem.nodeset) {
        // libvirt: "nodeset for NUMA memory tuning must be set if 'placement' is 'static'".
        report({ range: mem.element.startTag, messageId: 'noNodeset', data: { implied: p ? '' : ' (from <vcpu>, the default)' } });
      } else if (placement === 'auto' && mem.nodeset && p?.value === 'auto') {
        report({ range: mem.nodeset.attr.valueRange, severity: 'warning', messageId: 'nodesetIgnored' });
      }
    }
    if (nt.memnodes.length === 0) return;
    const cells = domain.cpu?.cells.length ?? 0;
    // With <vcpu placement='auto'> and no <memory>, libvirt adds an implicit automatic <memory> binding.
    // Every <memnode> then fails for the one cause (as without guest cells): one finding, at the first, the others related.
    const others = (message: string) => nt.memnodes.slice(1).map((m) => ({ range: m.element.startTag, message }));
    if (placement === 'auto') {
      // libvirt: "Per-node binding is not compatible with automatic NUMA placement".
      const by = mem?.placementAttr?.value === 'auto' ? "<memory placement='auto'>" : "<vcpu placement='auto'>";
      report({ range: nt.memnodes[0]!.element.startTag, messageId: 'memnodeAuto', data: { by }, related: others('another <memnode> here') });
      return;
    }
    if (cells === 0) {
      // libvirt: "Element 'memnode' is invalid without any guest NUMA cells".
      report({ range: nt.memnodes[0]!.element.startTag, messageId: 'memnodeNoCells', related: others('another <memnode> here') });
      return;
    }
    const seen = new Map<number, (typeof nt.memnodes)[number]>();
    for (const m of nt.memnodes) {
      if (!m.cellidAttr) {
        report({ range: m.element.startTag, messageId: 'noCellid' });
        continue;
      }
      if (!m.nodeset) report({ range: m.element.startTag, messageId: 'memnodeNoNodeset' });
      if (m.cellid === undefined) continue;
      const first = seen.get(m.cellid);
      if (m.cellid >= cells) {
        // libvirt: "Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell".
        report({ range: m.cellidAttr.valueRange, messageId: 'cellidBeyond', data: { cellid: m.cellid, cells: cells === 1 ? 'one cell (0)' : `cells 0-${cells - 1}` } });
      } else if (first) {
        report({
          range: m.cellidAttr.valueRange,
          messageId: 'cellidTwice',
          data: { cellid: m.cellid },
          related: [{ range: first.cellidAttr!.valueRange, message: `the first <memnode> for cell ${m.cellid}` }],
        });
      } else {
        seen.set(m.cellid, m);
        // virDomainNumaDefValidate: restrictive must be used on <memory> and the memnodes alike.
        // (A missing <memory> counts as strict.)
        const memMode = mem?.mode ?? 'strict';
        const shownMode = mem ? memMode : `${memMode} (none written)`;
        if (!restrictiveKnown) {
          // Reported above.
        } else if (memMode === 'restrictive' && m.mode !== 'restrictive') {
          report({ range: m.element.startTag, messageId: 'restrictiveMismatch', data: { cellid: m.cellid, mode: m.mode, memMode: shownMode } });
        } else if (memMode !== 'restrictive' && m.mode === 'restrictive') {
          // The other direction is refused only from 9.4.0 (NEWS "numa: Deny other memory modes than restrictive if a
          // memnode is restrictive"), at define and, for a domain defined before, at start (qemuProcessStartValidate).
          if (libvirtAtLeast(version, RESTRICTIVE_MEMNODE_CHECKED_SINCE) === false) {
            report({ range: m.element.startTag, severity: 'warning', messageId: 'restrictiveMemnodeOld', data: { cellid: m.cellid, memMode: shownMode, version: version!, since: RESTRICTIVE_MEMNODE_CHECKED_SINCE } });
          } else {
            report({ range: m.element.startTag, messageId: 'restrictiveMemnode', data: { cellid: m.cellid, memMode: shownMode, since: RESTRICTIVE_MEMNODE_CHECKED_SINCE } });
          }
        }
      }
    }
  },
});
