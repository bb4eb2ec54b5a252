import { defineDomainRule } from '../../src/engine/types.ts';
import { attribute } from '../../src/xml/query.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';

const REQUIRED = ['sockets', 'cores', 'threads'] as const;
const FACTORS = ['sockets', 'dies', 'clusters', 'cores', 'threads'] as const;
/** The libvirt release that first reads each optional count (NEWS v6.1.0 "dies", v10.1.0 "clusters"). */
const COUNT_SINCE = { dies: '6.1.0', clusters: '10.1.0' } as const;
const COUNTS = ['dies', 'clusters'] as const;
const NONE_IGNORED: ReadonlyArray<keyof typeof COUNT_SINCE> = [];
/** Domain types run by libvirt's QEMU driver, whose qemu_validate.c compares the topology with <vcpu>. */

export default defineDomainRule({
  meta: {
    id: 'cpu-topology-mismatch',
    name: 'CpuTopologyMismatch',
    severity: 'error',
    severities: ['error', 'warning'],
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A guest CPU <topology> whose sockets × dies × clusters × cores × threads differs from the <vcpu> count, or that lacks a required count.',
    tags: ['topology'],
    messages: {
      missingCount: {
        message: '<topology> has no {{missing}}: libvirt requires sockets, cores and threads and rejects the domain',
        help: 'write all three (dies and clusters default to 1) so their product is the <vcpu> count',
      },
      zeroCount: {
        message: "<topology> {{name}}='0': libvirt rejects a topology count below 1 at define time",
        help: 'give {{name}} a count of at least 1',
      },
      hotplugGranularity: {
        message: "<vcpu current='{{current}}'> is not a multiple of threads='{{threads}}': libvirt rejects it on ppc64 pseries",
        help: "use current='{{suggested}}' or another multiple of {{threads}}: pseries plugs vCPUs a whole core at a time",
      },
      productMismatch: {
        message: '<topology> {{factors}} = {{product}} vCPUs but {{vcpu}}: libvirt rejects the domain',
        help: 'make the product equal the maximum vCPU count (<vcpu current> may stay lower)',
      },
      productMismatchLater: {
        message: "<topology> multiplies to {{product}} vCPUs, not <vcpu>'s {{max}}: libvirt {{since}} refuses it ({{version}} drops {{dropped}})",
        help: 'make the product equal the maximum vCPU count: libvirt {{since}} and later read {{dropped}} and reject the domain',
      },
    },
  },
  check({ domain, host, report }) {
    const topo = domain.cpu?.topology;
    if (!topo) return;
    // A libvirt older than a count's release does not parse it (an unknown attribute is dropped) and leaves it out
    // of the product (domain_conf.c virDomainDefGetVcpusTopology): dies from 6.1.0, clusters from 10.1.0 (NEWS).
    const version = host?.model.libvirtVersion;
    const ignored = version === undefined ? NONE_IGNORED : COUNTS.filter((n) => libvirtAtLeast(version, COUNT_SINCE[n]) === false);
    const el = topo.element;
    // cpu_conf.c virCPUDefParseXML: sockets, cores and threads are required and non-zero; dies and clusters default to 1.
    const missing = REQUIRED.filter((n) => !attribute(el, n));
    if (missing.length > 0) {
      report({ range: el.startTag, messageId: 'missingCount', data: { missing: missing.join(', ') } });
      return;
    }
    // A count that does not parse is value-invalid's; there is no product to compare then.
    if (domain.problems.some((p) => p.range.start >= el.startTag.start && p.range.end <= el.startTag.end)) return;
    const values: Array<[string, number]> = [];
    for (const name of FACTORS) {
      const a = attribute(el, name);
      if (!a || (ignored as readonly string[]).includes(name)) continue;
      const v = topo[name]!;
      if (v === 0) {
        report({ range: a.valueRange, messageId: 'zeroCount', data: { name } });
        return;
      }
      values.push([name, v]);
    }
    if (!runsOnQemu(domain)) return;
    if (domain.vcpu && !domain.vcpu.maxKnown) return;
    const product = values.reduce((acc, [, v]) => acc * BigInt(v), 1n);
    const max = domain.maxVcpus;
    // The counts this libvirt drops: fine for it, but the same file defined on a later release is refused.
    const dropped = ignored.length === 0 ? NONE_IGNORED : ignored.filter((n) => attribute(el, n));
    if (product === BigInt(max) && dropped.length > 0) {
      const all = FACTORS.filter((n) => attribute(el, n)).map((n) => [n, topo[n]!] as const);
      const full = all.reduce((acc, [, v]) => acc * BigInt(v), 1n);
      if (full !== BigInt(max) && all.every(([, v]) => v > 0)) {
        report({
          range: el.startTag,
          severity: 'warning',
          messageId: 'productMismatchLater',
          data: { product: String(full), max, version: version!, dropped: dropped.join(' and '), since: dropped.includes('clusters') ? COUNT_SINCE.clusters : COUNT_SINCE.dies },
        });
        return;
      }
    }
    if (product === BigInt(max)) {
      // qemu_validate.c qemuValidateDomainVcpuHotplugGranularity (ppc64 pseries): vCPUs are plugged a core at a
      // time, so the vCPUs online at start must be a whole number of cores ("vCPUs count must be a multiple of
      // the vCPU hotplug size").
      const threads = topo.threads;
      const current = domain.vcpu?.current;
      const arch = domain.devices.osType()?.arch;
      if (arch?.startsWith('ppc64') && threads !== undefined && threads > 1 && current !== undefined && current < max && current % threads !== 0) {
        report({
          range: attribute(domain.vcpu!.element, 'current')!.valueRange,
          messageId: 'hotplugGranularity',
          data: { current, threads, suggested: Math.max(threads, current - (current % threads)) },
        });
      }
      return;
    }
    const factors = values.map(([n, v]) => `${n} ${v}`).join(' × ') + (dropped.length > 0 ? ` (libvirt ${version} ignores ${dropped.join(' and ')})` : '');
    report({
      range: el.startTag,
      // qemu_validate.c qemuValidateDomainDefCpu: "CPU topology doesn't match maximum vcpu count".
      messageId: 'productMismatch',
      // No <vcpu> at all is libvirt's default of one vCPU; say so rather than quote an element that is not there.
      data: { factors, product: String(product), vcpu: domain.vcpu ? `<vcpu> is ${max}` : `there is no <vcpu> (libvirt's default: ${max})` },
    });
  },
});
