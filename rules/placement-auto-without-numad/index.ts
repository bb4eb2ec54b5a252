import { defineHostRule } from '../../src/engine/types.ts';
import { numatunePlacement } from '../../src/model/numa.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { attribute } from '../../src/xml/query.ts';

/**
 * libvirt asks numad for the guest's nodeset when either placement is auto (domain_conf.c
 * virDomainDefNeedsPlacementAdvice: `<vcpu placement='auto'>`, or a numatune whose placement is auto,
 * which an unset one is under `<vcpu placement='auto'>`), in qemu_process.c
 * qemuProcessPrepareDomainNUMAPlacement → virnuma.c virNumaGetAutoPlacementAdvice. That runs
 * `numad -w`; when numad cannot run, or libvirt was built without it, the call fails and so does the
 * start. Whether numad is installed is the snapshot's `libvirt.numad` (src/host/capture/numad.ts).
 */
export default defineHostRule({
  meta: {
    id: 'placement-auto-without-numad',
    name: 'PlacementAutoWithoutNumad',
    severity: 'error',
    severities: ['error'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: "placement='auto' on a host without numad: libvirt asks numad for a nodeset at start and the guest does not start.",
    tags: ['numa', 'placement', 'host'],
    messages: {
      noNumad: {
        message: "{{what}} placement='auto' makes libvirt ask numad for a nodeset at start, but the host has no numad",
        help: "install numad on the host (libvirt's package must be built with it), or use placement='static' with a cpuset or nodeset",
      },
    },
  },
  check({ domain, host, report }) {
    if (host.model.snapshot.libvirt?.numad !== false || !runsOnQemu(domain)) return;
    const vcpuAuto = domain.vcpu?.placement === 'auto' ? attribute(domain.vcpu.element, 'placement') : undefined;
    if (vcpuAuto) {
      report({ range: vcpuAuto.valueRange, messageId: 'noNumad', data: { what: '<vcpu>' } });
      return;
    }
    const mem = domain.numatune?.memory;
    if (mem && numatunePlacement(domain) === 'auto' && mem.placementAttr) {
      report({ range: mem.placementAttr.valueRange, messageId: 'noNumad', data: { what: '<numatune><memory>' } });
    }
  },
});
