import { definePlanRule, type LintedDomain } from '../../src/engine/types.ts';
import type { XmlElement } from '../../src/xml/types.ts';

/** A UUID as virsh dumpxml writes it: lowercase, dashed 8-4-4-4-12. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * libvirt reads a UUID with or without dashes, in either case (viruuid.c virUUIDParse): the key is the
 * canonical form. A canonical UUID is its own key, tested rather than rebuilt (it is nearly every one).
 */
function uuidKey(uuid: string): string {
  if (CANONICAL_UUID.test(uuid)) return uuid;
  const d = uuid.replace(/[-\s]/g, '').toLowerCase();
  // 32 digits: the canonical form. Anything else cannot parse; it has no dashes, so it matches no canonical key.
  return d.length === 32 ? `${d.slice(0, 8)}-${d.slice(8, 12)}-${d.slice(12, 16)}-${d.slice(16, 20)}-${d.slice(20)}` : d;
}

function child(on: LintedDomain, name: string): XmlElement | undefined {
  return on.source.doc.root?.children.find((c) => c.name === name);
}

function groupBy(domains: readonly LintedDomain[], key: (on: LintedDomain) => string | undefined): LintedDomain[][] {
  const groups = new Map<string, LintedDomain[]>();
  for (const on of domains) {
    const k = key(on);
    if (!k) continue;
    const list = groups.get(k);
    if (list) list.push(on);
    else groups.set(k, [on]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

export default definePlanRule({
  meta: {
    id: 'duplicate-domain-identity',
    name: 'DuplicateDomainIdentity',
    severity: 'error',
    type: 'problem',
    fixable: false,
    hasSuggestions: false,
    summary: 'Two domains planned on one host have the same <name> or the same <uuid>, which libvirt takes for one domain.',
    tags: ['plan'],
    messages: {
      sameName: {
        message: "{{count}} domains on this host are named '{{name}}': libvirt refuses to define the second",
        help: 'give each domain its own <name> (and its own <uuid>)',
      },
      copied: {
        message: "{{count}} domains on this host are named '{{name}}' with one <uuid>: the later define replaces the earlier",
        help: 'give the copy its own <name> and a new <uuid> (uuidgen), or delete it',
      },
      sameUuid: {
        message: '{{count}} domains on this host share <uuid> {{uuid}}: libvirt refuses to define the second',
        help: 'give each domain its own <uuid> (uuidgen), or leave it out for libvirt to generate one',
      },
    },
  },
  check({ domains, report }) {
    // virdomainobjlist.c virDomainObjListAddLocked: a definition whose name is taken under another UUID is
    // refused ("domain 'x' already exists with uuid ..."), one whose UUID is taken under another name too
    // ("domain 'x' is already defined with uuid ..."); with both equal, the later define replaces the earlier.
    // One finding per shared identity, on the last file (the copy, as often as not), the others related.
    const sameIdentity = new Set<LintedDomain>();
    for (const group of groupBy(domains, (on) => on.domain.name?.trim())) {
      const on = group.at(-1)!;
      const others = group.slice(0, -1);
      const uuid = on.domain.uuid !== undefined ? uuidKey(on.domain.uuid) : undefined;
      const copied = uuid !== undefined && others.every((o) => o.domain.uuid !== undefined && uuidKey(o.domain.uuid) === uuid);
      if (copied) for (const o of group) sameIdentity.add(o);
      report(on, {
        range: child(on, 'name')!.startTag,
        messageId: copied ? 'copied' : 'sameName',
        data: { count: group.length, name: on.domain.name!.trim() },
        related: others.map((o) => ({ file: o.source, range: child(o, 'name')!.startTag, message: `${o.source.path} defines '${o.domain.name!.trim()}' too` })),
      });
    }
    // Without <uuid> libvirt generates a random one at define time: only the name can clash then.
    for (const group of groupBy(domains, (on) => (on.domain.uuid?.trim() ? uuidKey(on.domain.uuid) : undefined))) {
      if (group.every((o) => sameIdentity.has(o))) continue;
      const on = group.at(-1)!;
      report(on, {
        range: child(on, 'uuid')!.startTag,
        messageId: 'sameUuid',
        data: { count: group.length, uuid: on.domain.uuid!.trim() },
        related: group.slice(0, -1).map((o) => ({ file: o.source, range: child(o, 'uuid')!.startTag, message: `${o.domain.name ?? 'a domain'} (${o.source.path}) has this <uuid> too` })),
      });
    }
  },
});
