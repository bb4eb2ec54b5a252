import { defineDomainRule, type MessageSpecs, type ReportDescriptor } from '../../src/engine/types.ts';
import { attribute, childrenNamed, firstChild } from '../../src/xml/query.ts';
import { CPU_MODES, libvirtNonNegativeInt, libvirtUint } from '../../src/model/domain.ts';
import { runsOnQemu } from '../../src/model/qemu-defaults.ts';
import { libvirtAtLeast } from '../../src/model/libvirt-version.ts';
import { excerpt } from '../../src/model/describe.ts';
import type { XmlElement } from '../../src/xml/types.ts';

/** formatdomain §CPU model and topology: `<cache>` since 3.3.0, `<maxphysaddr>` since 8.7.0, its `limit` since 9.3.0. Older releases ignore them. */
const CACHE_SINCE = '3.3.0';
const MAXPHYSADDR_SINCE = '8.7.0';
const MAXPHYSADDR_LIMIT_SINCE = '9.3.0';
/** formatdomain: the `migratable` attribute of a host-passthrough CPU came in 6.5.0; older releases ignore it. */
const MIGRATABLE_SINCE = '6.5.0';
/** virCPUFallback (cpu_conf.c). */
const FALLBACKS: ReadonlySet<string> = new Set(['allow', 'forbid']);
/** strlen() counts bytes: vendor_id's 12 are UTF-8 bytes. */
const UTF8 = new TextEncoder();
/** virCPUFeaturePolicy, virCPUCacheMode, virCPUMaxPhysAddrMode (cpu_conf.c). */
const FEATURE_POLICIES: ReadonlySet<string> = new Set(['force', 'require', 'optional', 'disable', 'forbid']);
const CACHE_MODES: ReadonlySet<string> = new Set(['emulate', 'passthrough', 'disable']);
const MAXPHYSADDR_MODES: ReadonlySet<string> = new Set(['passthrough', 'emulate']);
/** ARCH_IS_X86 (virarch.h). */
const X86_ARCHES: ReadonlySet<string> = new Set(['i686', 'x86_64']);

const messages = {
  featuresWithoutModel: {
    message: '<cpu> lists features but names no <model>: libvirt rejects this at define time',
    help: "add the <model> the features modify, or use mode='host-model' or 'host-passthrough', which take features without one",
  },
  migratableMode: {
    message: "migratable is only for a host-passthrough or maximum CPU, not mode='{{mode}}': libvirt rejects this at define time",
    help: "remove migratable='{{value}}' from <cpu>",
  },
  fallback: {
    message: "<model fallback='{{value}}'> is not allow or forbid: libvirt rejects this at define time",
    help: "use fallback='allow' (the default) or fallback='forbid'",
  },
  vendorId: {
    message: "<model vendor_id='{{value}}'> {{what}}: libvirt rejects this at define time",
    help: "use a 12-character vendor id without commas, such as 'GenuineIntel' or 'AuthenticAMD'",
  },
  vendorWithoutModel: {
    message: '<cpu> names a <vendor> but no <model>: libvirt rejects this at define time',
    help: 'add the <model> the vendor belongs to, or remove <vendor>',
  },
  featurePolicy: {
    message: "CPU feature policy '{{policy}}' is not one libvirt knows: it rejects the domain at define time",
    help: 'use force, require, optional, disable or forbid (require when left out)',
  },
  featureName: {
    message: 'a CPU <feature> has no name: libvirt rejects this at define time',
    help: "give it name='…', or remove it",
  },
  featureRepeated: {
    message: "CPU feature '{{name}}' is listed twice: libvirt rejects this at define time",
    help: "keep one <feature name='{{name}}'> with the policy you mean",
  },
  cacheRepeated: {
    message: '<cpu> has {{count}} <cache> elements: libvirt takes at most one and rejects the domain at define time',
    help: 'keep one <cache>: it describes one level, or every level when it has no level',
  },
  cacheLevel: {
    message: "<cache level='{{level}}'> is not 1, 2 or 3: libvirt rejects this at define time",
    help: "use level='3' with mode='emulate', or leave level out",
  },
  cacheMode: {
    message: '<cache> {{what}}: libvirt rejects this at define time',
    help: "set mode='emulate' (with level='3'), 'passthrough' or 'disable'",
  },
  notX86: {
    message: "a CPU <{{element}}> is for x86 guests only, not {{arch}}: libvirt's QEMU driver rejects it at define time",
    help: 'remove <{{element}}> from <cpu>',
  },
  cacheEmulateLevel: {
    message: "<cache mode='emulate'> works only with level='3', {{got}}: libvirt rejects this at define time",
    help: "set level='3' on the <cache>",
  },
  cachePassthroughCpu: {
    message: "<cache mode='passthrough'> needs a host-passthrough or maximum CPU, not {{mode}}: libvirt rejects this",
    help: "use <cpu mode='host-passthrough'>, or <cache level='3' mode='emulate'/> with this CPU",
  },
  cacheLevelWithMode: {
    message: "<cache mode='{{mode}}'> covers every cache level and takes no level: libvirt rejects level='{{level}}' at define time",
    help: "remove level='{{level}}'",
  },
  physMode: {
    message: '<maxphysaddr> {{what}}: libvirt rejects this at define time',
    help: "set mode='passthrough' or mode='emulate'",
  },
  physNumber: {
    message: "<maxphysaddr {{name}}='{{value}}'> is not {{expected}}: libvirt rejects this at define time",
    help: 'write {{name}} as a plain decimal number of address bits{{above}}',
  },
  physLimitMode: {
    message: "<maxphysaddr limit> works only with mode='passthrough', not mode='{{mode}}': libvirt rejects this at define time",
    help: "remove limit; with mode='emulate', bits sets the number of address bits",
  },
  physBitsPassthrough: {
    message: "<maxphysaddr mode='passthrough'> takes no bits: libvirt rejects bits='{{bits}}' at define time",
    help: "use mode='emulate' to give the guest {{bits}} bits, or limit='{{bits}}' to cap the host's number (libvirt 9.3.0 and later)",
  },
  sveDisabled: {
    message: "SVE vector lengths ({{lengths}}) given while sve has policy='{{policy}}': libvirt rejects this at define time",
    help: "enable sve (policy='require'), or remove the sve<N> features",
  },
  hostPassthroughTcg: {
    message: "<cpu mode='host-passthrough'> needs KVM, but <domain type='qemu'> is emulated (TCG): the guest fails to start",
    help: "use <domain type='kvm'>, or <cpu mode='maximum'> or a named model for an emulated guest",
  },
} as const satisfies MessageSpecs;

type Report = (d: ReportDescriptor<typeof messages>) => void;

export default defineDomainRule({
  meta: {
    id: 'guest-cpu-invalid',
    name: 'GuestCpuInvalid',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'A guest <cpu> libvirt rejects: bad migratable, model or vendor, bad or repeated features, bad <cache> or <maxphysaddr>, SVE lengths with SVE off, host-passthrough under TCG.',
    tags: ['cpu-model'],
    messages,
  },
  check({ domain, host, report }) {
    const cpu = domain.cpu?.element;
    if (!cpu) return;
    const version = host?.model.libvirtVersion;
    const mode = attribute(cpu, 'mode')?.value ?? 'custom';
    // An unknown mode fails the parse first (value-invalid's finding): nothing after it is read.
    if (!CPU_MODES.has(mode)) return;
    const qemu = runsOnQemu(domain);
    const arch = domain.devices.osType()?.arch;
    // ARCH_IS_X86 checks in qemuValidateDomainDefCpu: with no arch written the host's decides (unknown here),
    // so only a written non-x86 arch is reported; the mode checks after it fail on any arch.
    const notX86 = qemu && arch !== undefined && !X86_ARCHES.has(arch) ? arch : undefined;
    checkModel(cpu, mode, libvirtAtLeast(version, MIGRATABLE_SINCE) !== false, report);
    checkFeatures(cpu, mode, qemu, report);
    if (libvirtAtLeast(version, CACHE_SINCE) !== false) checkCache(cpu, mode, qemu, notX86, report);
    if (libvirtAtLeast(version, MAXPHYSADDR_SINCE) !== false) checkMaxPhysAddr(cpu, qemu, notX86, libvirtAtLeast(version, MAXPHYSADDR_LIMIT_SINCE) !== false, report);
    // qemu_process.c qemuProcessUpdateGuestCPU → qemu_capabilities.c virQEMUCapsIsCPUModeSupported: host-passthrough
    // needs an accelerated domain type (virQEMUCapsTypeIsAccelerated: anything but 'qemu'), whatever QEMU can do
    // ("CPU mode 'host-passthrough' for x86_64 qemu domain on x86_64 host is not supported by hypervisor").
    if (domain.type === 'qemu' && mode === 'host-passthrough') {
      report({ range: attribute(cpu, 'mode')!.valueRange, messageId: 'hostPassthroughTcg', data: {} });
    }
  },
});

/**
 * cpu_conf.c virCPUDefParseXML, before the features: `migratable` only on a host-passthrough or maximum CPU; for
 * the other modes a known `<model fallback>` and a `vendor_id` of exactly 12 bytes without a comma; no `<vendor>`
 * without a `<model>` (virXPathString: an empty string is no value).
 */
function checkModel(cpu: XmlElement, mode: string, migratableKnown: boolean, report: Report): void {
  const migratable = attribute(cpu, 'migratable');
  if (migratableKnown && migratable && mode !== 'host-passthrough' && mode !== 'maximum') {
    report({ range: migratable.range, messageId: 'migratableMode', data: { mode, value: excerpt(migratable.value, 16) } });
  }
  const model = firstChild(cpu, 'model');
  if (model && mode !== 'host-passthrough' && mode !== 'maximum') {
    const fallback = attribute(model, 'fallback');
    if (fallback && fallback.value !== '' && !FALLBACKS.has(fallback.value)) {
      report({ range: fallback.valueRange, messageId: 'fallback', data: { value: excerpt(fallback.value, 24) } });
    }
    const vendorId = attribute(model, 'vendor_id');
    if (vendorId && vendorId.value !== '') {
      const bytes = UTF8.encode(vendorId.value).length;
      const what = bytes !== 12 ? `is ${bytes} bytes long, not 12` : vendorId.value.includes(',') ? 'has a comma, which QEMU cannot take' : undefined;
      if (what) report({ range: vendorId.valueRange, messageId: 'vendorId', data: { value: excerpt(vendorId.value, 24), what } });
    }
  }
  const vendor = firstChild(cpu, 'vendor');
  if (vendor && vendor.text !== '' && (model === undefined || model.text === '')) {
    report({ range: vendor.startTag, messageId: 'vendorWithoutModel', data: {} });
  }
}

/**
 * cpu_conf.c virCPUDefParseXML: features need a model in custom mode, a known policy, a name, and each name once;
 * qemu_postparse.c qemuDomainDefCPUPostParse: any sve<N> feature while sve itself is disabled or forbidden.
 */
function checkFeatures(cpu: XmlElement, mode: string, qemu: boolean, report: Report): void {
  const features = childrenNamed(cpu, 'feature');
  if (features.length === 0) return;
  // virXPathString("string(./model[1])") is NULL for an empty string: <model/> names no model.
  const model = firstChild(cpu, 'model');
  if (mode === 'custom' && (model === undefined || model.text === '')) {
    report({ range: features[0]!.startTag, messageId: 'featuresWithoutModel', data: {} });
    return;
  }
  const seen = new Map<string, XmlElement>();
  let sve: { policy: string; element: XmlElement } | undefined;
  const lengths: string[] = [];
  for (const f of features) {
    const policy = attribute(f, 'policy');
    if (policy && !FEATURE_POLICIES.has(policy.value)) {
      report({ range: policy.valueRange, messageId: 'featurePolicy', data: { policy: excerpt(policy.value, 24) } });
      return;
    }
    const name = attribute(f, 'name');
    if (!name || name.value === '') {
      report({ range: name?.valueRange ?? f.startTag, messageId: 'featureName', data: {} });
      return;
    }
    const earlier = seen.get(name.value);
    if (earlier) {
      report({ range: name.valueRange, messageId: 'featureRepeated', data: { name: excerpt(name.value, 32) }, related: [{ range: earlier.startTag, message: 'first listed here' }] });
      return;
    }
    seen.set(name.value, f);
    if (name.value === 'sve') sve = { policy: policy?.value ?? 'require', element: f };
    else if (name.value.startsWith('sve')) lengths.push(name.value);
  }
  if (qemu && sve && lengths.length > 0 && (sve.policy === 'disable' || sve.policy === 'forbid')) {
    report({ range: attribute(sve.element, 'policy')!.valueRange, messageId: 'sveDisabled', data: { lengths: lengths.slice(0, 2).map((n) => excerpt(n, 12)).join(', ') + (lengths.length > 2 ? ', …' : ''), policy: sve.policy } });
  }
}

/** cpu_conf.c virCPUDefParseXML / virCPUDefParseXMLCache, then (QEMU) qemu_validate.c qemuValidateDomainDefCpu. */
function checkCache(cpu: XmlElement, mode: string, qemu: boolean, notX86: string | undefined, report: Report): void {
  const caches = childrenNamed(cpu, 'cache');
  if (caches.length === 0) return;
  if (caches.length > 1) {
    report({ range: caches[1]!.startTag, messageId: 'cacheRepeated', data: { count: caches.length } });
    return;
  }
  const cache = caches[0]!;
  const levelAttr = attribute(cache, 'level');
  let level: number | undefined;
  if (levelAttr) {
    level = libvirtNonNegativeInt(levelAttr.value);
    if (level === undefined || level < 1 || level > 3) {
      report({ range: levelAttr.valueRange, messageId: 'cacheLevel', data: { level: excerpt(levelAttr.value, 16) } });
      return;
    }
  }
  const modeAttr = attribute(cache, 'mode');
  if (!modeAttr || !CACHE_MODES.has(modeAttr.value)) {
    const what = modeAttr ? `mode='${excerpt(modeAttr.value, 24)}' is not emulate, passthrough or disable` : 'has no mode';
    report({ range: modeAttr?.valueRange ?? cache.startTag, messageId: 'cacheMode', data: { what } });
    return;
  }
  if (!qemu) return;
  if (notX86) {
    report({ range: cache.startTag, messageId: 'notX86', data: { element: 'cache', arch: excerpt(notX86, 16) } });
    return;
  }
  if (modeAttr.value === 'emulate') {
    if (level !== 3) report({ range: levelAttr?.valueRange ?? cache.startTag, messageId: 'cacheEmulateLevel', data: { got: level === undefined ? 'and it has none' : `not ${level}` } });
    return;
  }
  if (modeAttr.value === 'passthrough' && mode !== 'host-passthrough' && mode !== 'maximum') {
    report({ range: modeAttr.valueRange, messageId: 'cachePassthroughCpu', data: { mode } });
    return;
  }
  if (level !== undefined) report({ range: levelAttr!.valueRange, messageId: 'cacheLevelWithMode', data: { mode: modeAttr.value, level } });
}

/** cpu_conf.c virCPUDefParseXML (./maxphysaddr[1]), then (QEMU) qemu_validate.c qemuValidateDomainDefCpu. */
function checkMaxPhysAddr(cpu: XmlElement, qemu: boolean, notX86: string | undefined, limitKnown: boolean, report: Report): void {
  const el = firstChild(cpu, 'maxphysaddr');
  if (!el) return;
  const modeAttr = attribute(el, 'mode');
  if (!modeAttr || !MAXPHYSADDR_MODES.has(modeAttr.value)) {
    const what = modeAttr ? `mode='${excerpt(modeAttr.value, 24)}' is not passthrough or emulate` : 'has no mode';
    report({ range: modeAttr?.valueRange ?? el.startTag, messageId: 'physMode', data: { what } });
    return;
  }
  const bitsAttr = attribute(el, 'bits');
  const bits = bitsAttr ? libvirtNonNegativeInt(bitsAttr.value) : undefined;
  if (bitsAttr && bits === undefined) {
    report({ range: bitsAttr.valueRange, messageId: 'physNumber', data: { name: 'bits', value: excerpt(bitsAttr.value, 16), expected: 'a number of bits', above: '' } });
    return;
  }
  const limitAttr = limitKnown ? attribute(el, 'limit') : undefined;
  if (limitAttr) {
    const limit = libvirtUint(limitAttr.value);
    if (limit === undefined || limit === 0) {
      report({ range: limitAttr.valueRange, messageId: 'physNumber', data: { name: 'limit', value: excerpt(limitAttr.value, 16), expected: 'a number of bits above 0', above: ' above 0' } });
      return;
    }
    if (modeAttr.value !== 'passthrough') {
      report({ range: limitAttr.range, messageId: 'physLimitMode', data: { mode: modeAttr.value } });
      return;
    }
  }
  if (!qemu) return;
  if (notX86) {
    report({ range: el.startTag, messageId: 'notX86', data: { element: 'maxphysaddr', arch: excerpt(notX86, 16) } });
    return;
  }
  if (modeAttr.value === 'passthrough' && bitsAttr) {
    report({ range: bitsAttr.valueRange, messageId: 'physBitsPassthrough', data: { bits: bits! } });
  }
}
