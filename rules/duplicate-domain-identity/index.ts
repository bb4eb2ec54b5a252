import { definePlanRule, type LintedDomain } from '../../src/engine/types.ts';
import type { XmlElement } from '../../src/xml/types.ts';
import { exactName, uuidKey } from '../../src/model/domain-identity.ts';

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
  check({ files: domains, domains: held, report }) {
    // virdomainobjlist.c virDomainObjListAddLocked: a definition whose name is taken under another UUID is
    // refused ("domain 'x' already exists with uuid ..."), one whose UUID is taken under another name too
    // ("domain 'x' is already defined with uuid ..."); with both equal, the later define replaces the earlier.
    // One finding per shared identity, on the last file the host would not hold (src/model/domain-identity.ts):
    // the plan rules count the other one, so a copy that a pull request adds, and silences there, cannot make
    // them count the copy in silence: the finding then lands on the file it displaces.
    const kept = new Set(held);
    const at = (group: LintedDomain[]) => [...group].reverse().find((o) => !kept.has(o)) ?? group.at(-1)!;
    const sameIdentity = new Set<LintedDomain>();
    for (const group of groupBy(domains, (on) => exactName(on.domain))) {
      const on = at(group);
      const others = group.filter((o) => o !== on);
      const uuid = uuidKey(on.domain.uuid);
      const copied = uuid !== undefined && others.every((o) => uuidKey(o.domain.uuid) === uuid);
      if (copied) for (const o of group) sameIdentity.add(o);
      report(on, {
        range: child(on, 'name')!.startTag,
        messageId: copied ? 'copied' : 'sameName',
        data: { count: group.length, name: on.domain.name!.trim() },
        related: others.map((o) => ({ file: o.source, range: child(o, 'name')!.startTag, message: `${o.source.path} defines '${o.domain.name!.trim()}' too` })),
      });
    }
    // Without <uuid> libvirt generates a random one at define time: only the name can clash then.
    for (const group of groupBy(domains, (on) => uuidKey(on.domain.uuid))) {
      if (group.every((o) => sameIdentity.has(o))) continue;
      const on = at(group);
      report(on, {
        range: child(on, 'uuid')!.startTag,
        messageId: 'sameUuid',
        data: { count: group.length, uuid: on.domain.uuid!.trim() },
        related: group.filter((o) => o !== on).map((o) => ({ file: o.source, range: child(o, 'uuid')!.startTag, message: `${o.domain.name ?? 'a domain'} (${o.source.path}) has this <uuid> too` })),
      });
    }
  },
});
