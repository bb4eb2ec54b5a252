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
import type { XmlElement } from '../xml/types.js';
/**
 * A uuid as a value, read as src/util/viruuid.c virUUIDParse reads it: ASCII white space around it,
 * `-` or ` ` before any pair of hex digits, either case; the dashed lower-case form libvirt formats.
 * Text it would not parse is its own key, exactly as written (libvirt refuses the define). Undefined when empty.
 */
export declare function uuidKey(uuid: string | undefined): string | undefined;
/** Whether virUUIDParse reads `text` (domain_conf.c refuses a non-empty `<uuid>` it cannot: "malformed uuid element"). */
export declare function isLibvirtUuid(text: string): boolean;
/**
 * A domain's name as libvirt compares it: the `<name>` text exactly as written (domain_conf.c reads
 * `string(./name[1])` and trims nothing), so `web-01 ` is another domain than `web-01`.
 */
export declare function exactName(d: {
    readonly element: XmlElement;
}): string | undefined;
/**
 * The domains a host ends up with when its files are defined in path order (the order plans are
 * linted in), in that order. Returns `domains` itself when no two share a name or uuid.
 */
export declare function definedGuests<T extends {
    readonly domain: {
        readonly element: XmlElement;
        readonly uuid?: string;
    };
}>(domains: readonly T[]): readonly T[];
