/**
 * Which domains of one host are guests libvirt would hold: a domain is known by its `<name>` and its
 * `<uuid>`, and one host keeps one domain per name and per uuid (src/conf/virdomainobjlist.c
 * virDomainObjListAddLocked). Defining the files in path order:
 * - a name already defined under another uuid is refused ("domain 'x' already exists with uuid …");
 * - a uuid already defined under another name is refused ("domain 'x' is already defined with uuid …");
 * - the same name and uuid replaces the earlier definition.
 * So duplicated files (a copy, a symlinked second name) are one guest, not two: the rules that add
 * guests up (CPUs, pools, memory) and the planner count it once; duplicate-domain-identity reports
 * the duplicate itself.
 */
import type { XmlElement } from '../xml/types.ts';

/**
 * A uuid as a value, read as src/util/viruuid.c virUUIDParse reads it: ASCII white space around it,
 * `-` or ` ` before any pair of hex digits, either case; the dashed lower-case form libvirt formats.
 * Text it would not parse is its own key, exactly as written (libvirt refuses the define). Undefined when empty.
 */
export function uuidKey(uuid: string | undefined): string | undefined {
  if (uuid === undefined) return undefined;
  // As virsh dumpxml writes it (nearly every uuid): its own key, tested rather than rebuilt.
  if (CANONICAL_UUID.test(uuid)) return uuid;
  if (/^[ \t\n\v\f\r]*$/.test(uuid)) return undefined;
  const m = LIBVIRT_UUID.exec(uuid);
  if (!m) return uuid;
  const v = m[1]!.replace(/[- ]/g, '').toLowerCase();
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
}

/** Whether virUUIDParse reads `text` (domain_conf.c refuses a non-empty `<uuid>` it cannot: "malformed uuid element"). */
export function isLibvirtUuid(text: string): boolean {
  return CANONICAL_UUID.test(text) || LIBVIRT_UUID.test(text);
}

/** virUUIDParse's grammar: c_isspace around, 16 hex pairs each after any run of '-' and ' '. */
const LIBVIRT_UUID = /^[ \t\n\v\f\r]*((?:[- ]*[0-9A-Fa-f]{2}){16})[ \t\n\v\f\r]*$/;

/** A uuid in the dashed lower-case form libvirt formats (virUUIDFormat). */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A domain's name as libvirt compares it: the `<name>` text exactly as written (domain_conf.c reads
 * `string(./name[1])` and trims nothing), so `web-01 ` is another domain than `web-01`.
 */
export function exactName(d: { readonly element: XmlElement }): string | undefined {
  const el = d.element.children.find((c) => c.name === 'name');
  return el === undefined || el.text === '' ? undefined : el.text;
}

/**
 * The domains a host ends up with when its files are defined in path order (the order plans are
 * linted in), in that order. Returns `domains` itself when no two share a name or uuid.
 */
export function definedGuests<T extends { readonly domain: { readonly element: XmlElement; readonly uuid?: string } }>(domains: readonly T[]): readonly T[] {
  const byName = new Map<string, T>();
  const byUuid = new Map<string, T>();
  const dropped = new Set<T>();
  for (const ld of domains) {
    const name = exactName(ld.domain);
    // Without <uuid> libvirt generates a fresh one: such a domain can clash by name only.
    const uuid = uuidKey(ld.domain.uuid);
    const sameName = name !== undefined ? byName.get(name) : undefined;
    const sameUuid = uuid !== undefined ? byUuid.get(uuid) : undefined;
    if (sameName === undefined && sameUuid === undefined) {
      if (name !== undefined) byName.set(name, ld);
      if (uuid !== undefined) byUuid.set(uuid, ld);
      continue;
    }
    if (sameName !== undefined && sameName === sameUuid) {
      // The same name and uuid: this definition replaces the earlier one.
      dropped.add(sameName);
      byName.set(name!, ld);
      byUuid.set(uuid!, ld);
      continue;
    }
    dropped.add(ld);
  }
  return dropped.size === 0 ? domains : domains.filter((ld) => !dropped.has(ld));
}
