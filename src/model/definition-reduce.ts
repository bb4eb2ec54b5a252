/**
 * A domain definition reduced to the elements kvmlint reasons about (`<memory>`,
 * `<vcpu>`, `<cputune>`, `<numatune>`, `<memoryBacking>`, `<cpu>`), each as one
 * canonical text, so the definition libvirt keeps on a host (/etc/libvirt/qemu)
 * and the file in the repository compare equal when they mean the same.
 *
 * libvirt rewrites a definition when it stores it (virDomainDefFormat): sizes in
 * KiB with `unit='KiB'`, cpusets in its own canonical form, defaults written out
 * (`placement='static'`, `mode='strict'`, `<cpu check>`, `migratable='on'`). The
 * canonical text undoes exactly those, and no more: anything else that differs is
 * a real difference.
 */
import { nodeCrypto } from '../node-crypto.ts';
import { childrenNamed } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { formatLibvirtCpuset, parseLibvirtCpuset } from './libvirt-cpuset.ts';
import type { ReducedElementName } from './host.ts';
import { scaleToKiB } from './units.ts';
import { isDomainRoot } from './domain.ts';

export const REDUCED_ELEMENTS: readonly ReducedElementName[] = ['memory', 'vcpu', 'cputune', 'numatune', 'memoryBacking', 'cpu'];

/** Attributes holding libvirt cpusets or nodesets: compared by the set they mean. */
const CPUSET_ATTRS: ReadonlySet<string> = new Set(['cpuset', 'nodeset', 'cpus', 'vcpus', 'iothreads']);

/** Defaults libvirt writes when it stores a definition (domain_conf.c), as `element@attr=value`; dropped. */
const WRITTEN_DEFAULTS: ReadonlySet<string> = new Set(['vcpu@placement=static', 'memory@mode=strict', 'memnode@mode=strict', 'cpu@migratable=on']);

/** Attributes libvirt adds that do not change what kvmlint checks (`<cpu check>` is how libvirt verifies the CPU model). */
const IGNORED_ATTRS: ReadonlySet<string> = new Set(['cpu@check']);

/** A size element's or attribute's value in KiB, as text; the original when it does not scale. */
function kibText(value: string, unit: string | undefined): string {
  const r = scaleToKiB(value.trim(), unit);
  return r.ok ? String(r.value) : value.trim();
}

function canonicalCpuset(value: string): string {
  const r = parseLibvirtCpuset(value);
  return r.ok ? formatLibvirtCpuset(r.value) : value;
}

function canonical(el: XmlElement): string {
  const values = el.attributeValues;
  const attrs: Array<[string, string]> = [];
  // <page size unit>, <cell memory unit>: the size in KiB, unit dropped.
  const sizeAttr = el.name === 'page' ? 'size' : el.name === 'cell' ? 'memory' : undefined;
  for (const [name, raw] of Object.entries(values)) {
    if (IGNORED_ATTRS.has(`${el.name}@${name}`) || WRITTEN_DEFAULTS.has(`${el.name}@${name}=${raw}`)) continue;
    if (name === 'unit' && (sizeAttr !== undefined || el.name === 'memory')) continue;
    let value = raw;
    if (name === sizeAttr) value = kibText(raw, values.unit);
    else if (CPUSET_ATTRS.has(name)) value = canonicalCpuset(raw);
    attrs.push([name, value]);
  }
  attrs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const head = `<${el.name}${attrs.map(([n, v]) => ` ${n}='${v}'`).join('')}`;
  let body = el.children.map(canonical).join('');
  const text = el.text.trim();
  // <memory unit='GiB'>8</memory> (the domain's own, not <numatune><memory>) → KiB.
  if (text !== '') body = (el.name === 'memory' && isDomainRoot(el.parent) ? kibText(text, values.unit) : text) + body;
  return body === '' ? `${head}/>` : `${head}>${body}</${el.name}>`;
}

/** The reduced elements of a `<domain>` (absent ones left out) and their digest. */
export function reduceDefinition(domain: XmlElement): { elements: Partial<Record<ReducedElementName, string>>; digest: string } {
  const elements: Partial<Record<ReducedElementName, string>> = {};
  for (const name of REDUCED_ELEMENTS) {
    const el = childrenNamed(domain, name)[0];
    if (el) elements[name] = canonical(el);
  }
  return { elements, digest: reducedDigest(elements) };
}

/** sha256 over the reduced elements in a fixed order: equal digests, equal definitions as kvmlint sees them. */
export function reducedDigest(elements: Partial<Record<ReducedElementName, string>>): string {
  const h = nodeCrypto().createHash('sha256');
  for (const name of REDUCED_ELEMENTS) h.update(`${name}\0${elements[name] ?? ''}\0`);
  return h.digest('hex');
}
