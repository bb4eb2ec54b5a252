import { defineRule } from '../../src/engine/types.ts';
import { excerpt } from '../../src/model/describe.ts';
import { numatunePlacement } from '../../src/model/numa.ts';

export default defineRule({
  meta: {
    id: 'numatune-invalid',
    name: 'NumatuneInvalid',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    needs: 'domain',
    fixable: false,
    hasSuggestions: false,
    summary: 'A <numatune> libvirt rejects: memnode for a missing or repeated guest cell, memnode under automatic placement, static placement without nodeset.',
    tags: ['numa', 'memory'],
  },
  checkDomain({ domain, report }) {
    const nt = domain.numatune;
    if (!nt) return;
    const mem = nt.memory;
    const placement = numatunePlacement(domain);
    // All from numa_conf.c virDomainNumatuneParseXML, virDomainNumatuneSet, virDomainNumatuneNodeParseXML
    // and virDomainNumaDefValidate.
    if (mem) {
      const p = mem.placementAttr;
      if (p && p.value !== 'static' && p.value !== 'auto') {
        report({ range: p.valueRange, message: `<memory placement='${excerpt(p.value)}'> is not a placement libvirt knows: use static or auto` });
      } else if (placement === 'static' && !mem.nodeset) {
        report({
          range: mem.element.startTag,
          message:
            `<numatune><memory> has no nodeset, and its placement is static${p ? '' : " (the <vcpu> placement, the default)"}: ` +
            "libvirt rejects the domain (\"nodeset for NUMA memory tuning must be set if 'placement' is 'static'\"); add nodeset='…' or placement='auto'",
        });
      } else if (placement === 'auto' && mem.nodeset && p?.value === 'auto') {
        report({
          range: mem.nodeset.attr.valueRange,
          severity: 'warning',
          message: "nodeset is ignored with placement='auto': libvirt drops it and numad chooses the nodes; remove the nodeset, or use placement='static' to keep it",
        });
      }
    }
    if (nt.memnodes.length === 0) return;
    const cells = domain.cpu?.cells.length ?? 0;
    // With <vcpu placement='auto'> and no <memory>, libvirt adds an implicit automatic <memory> binding.
    const auto = placement === 'auto';
    const seen = new Set<number>();
    for (const m of nt.memnodes) {
      if (auto) {
        report({
          range: m.element.startTag,
          message:
            `<memnode> with automatic placement (${mem?.placementAttr?.value === 'auto' ? "<memory placement='auto'>" : "<vcpu placement='auto'>"}): ` +
            'libvirt rejects per-cell binding under numad ("Per-node binding is not compatible with automatic NUMA placement"); use static placement with a nodeset, or drop the memnode',
        });
        continue;
      }
      if (cells === 0) {
        report({ range: m.element.startTag, message: '<memnode> binds a guest NUMA cell, but the domain defines none: libvirt rejects the domain ("Element \'memnode\' is invalid without any guest NUMA cells"); define <cpu><numa> cells or bind the whole guest with <memory nodeset>' });
        continue;
      }
      if (!m.cellidAttr) {
        report({ range: m.element.startTag, message: "<memnode> has no cellid: libvirt rejects it; name the guest cell it binds, e.g. cellid='0'" });
        continue;
      }
      if (!m.nodeset) {
        report({ range: m.element.startTag, message: '<memnode> has no nodeset: libvirt rejects it ("Missing required nodeset attribute in memnode element"); name the host nodes for the cell' });
      }
      if (m.cellid === undefined) continue;
      if (m.cellid >= cells) {
        report({
          range: m.cellidAttr.valueRange,
          message: `<memnode cellid='${m.cellid}'>, but the guest has ${cells === 1 ? 'one cell (0)' : `cells 0-${cells - 1}`}: libvirt rejects the domain ("Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell")`,
        });
      } else if (seen.has(m.cellid)) {
        report({ range: m.cellidAttr.valueRange, message: `guest cell ${m.cellid} has a second <memnode>: libvirt rejects the domain ("Multiple memnode elements with cellid ${m.cellid}"); keep one per cell` });
      } else {
        seen.add(m.cellid);
        // virDomainNumaDefValidate: restrictive must be used on <memory> and the memnodes alike.
        // (A missing <memory> counts as strict.)
        const memMode = mem?.mode ?? 'strict';
        if ((memMode === 'restrictive') !== (m.mode === 'restrictive')) {
          report({
            range: m.element.startTag,
            message: `<memnode cellid='${m.cellid}'> mode ${m.mode} with <memory> mode ${memMode}${mem ? '' : ' (none written)'}: libvirt requires 'restrictive' on both or on neither, and rejects the domain`,
          });
        }
      }
    }
  },
});
