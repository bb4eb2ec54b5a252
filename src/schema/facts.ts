/**
 * What a libvirt schema directory is, beyond the grammar libxml2 compiles from it
 * (issue 12, build item 4): the element and attribute names its RelaxNG files define, so
 * that an element or attribute a domain uses and the schemas never mention is reported as
 * "too new for these schemas" rather than a bare "invalid"; and, when a Debian package installed
 * the directory, that package's libvirt version.
 *
 * Only the `.rng` files the validator's own loader read for the grammar are read again
 * (regular files, no symlinks, each bounded); dpkg's records only for the directory a
 * package installs, and only those of the few packages that ship libvirt's schemas.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, constants } from 'node:fs';
import { join } from 'node:path';
import { INSTALLED_SCHEMA_DIRS } from './dir.ts';

/** The largest .rng file read (domaincommon.rng is ~200 KB in libvirt 10). */
const MAX_RNG_BYTES = 4 * 1024 * 1024;
const MAX_RNG_FILES = 200;
/** /var/lib/dpkg/status on a desktop is a few MB. */
const MAX_DPKG_STATUS_BYTES = 32 * 1024 * 1024;
const MAX_DPKG_LIST_BYTES = 1024 * 1024;

/** Debian packages that have shipped /usr/share/libvirt/schemas (libvirt-common before bookworm, libvirt0 since). */
const SCHEMA_PACKAGES = ['libvirt0', 'libvirt-common', 'libvirt-daemon-common', 'libvirt-libs'];

export interface SchemaFacts {
  /** Every `<element name="…">` of the directory's .rng files. */
  definedElements: ReadonlySet<string>;
  /** Every `<attribute name="…">` of the directory's .rng files. */
  definedAttributes: ReadonlySet<string>;
  /** Every `<value>…</value>` of the directory's .rng files: the enumerated words the grammar allows somewhere. */
  definedValues: ReadonlySet<string>;
  /**
   * For each element name, every attribute some `<element name="…">` of that name allows, through the
   * `<ref>`s of its content but not inside nested elements; an element name some definition of which
   * allows any attribute is absent.
   */
  elementAttributes: ReadonlyMap<string, ReadonlySet<string>>;
  /** The libvirt version of the package that installed the directory, when known ("9.0.0"). */
  libvirtVersion?: string;
}

/** What an `<element>` or a `<define>` holds outside its nested elements: attributes and references. */
interface RngScope {
  attributes: Set<string>;
  refs: Set<string>;
  /** An `<attribute>` with a name class (`<anyName/>`): any attribute. */
  open: boolean;
}

/** The scopes of a directory's .rng files: each element name's definitions, and each define's (combined). */
export interface RngScopes {
  elements: Map<string, RngScope[]>;
  defines: Map<string, RngScope[]>;
}

/**
 * Reads the element and define scopes of a RelaxNG text into `into` (a tag scan: libvirt's .rng files are
 * plain XML, their comments and documentation hold no RelaxNG tags once comments are dropped).
 */
export function rngScopesOf(rng: string, into: RngScopes = { elements: new Map(), defines: new Map() }): RngScopes {
  const text = rng.replace(/<!--[\s\S]*?-->/g, '');
  /** The open element and define tags; undefined for an element with no name attribute (a name class). */
  const stack: { tag: 'element' | 'define'; scope: RngScope | undefined }[] = [];
  const scopeOf = (): RngScope | undefined => stack[stack.length - 1]?.scope;
  for (const m of text.matchAll(/<(\/?)([\w:-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, closing, tag, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (tag !== 'element' && tag !== 'define' && tag !== 'attribute' && tag !== 'ref' && tag !== 'parentRef') continue;
    const name = /\bname\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    if (closing) {
      if (tag === 'element' || tag === 'define') stack.pop();
      continue;
    }
    if (tag === 'element' || tag === 'define') {
      if (selfClosing) continue;
      let scope: RngScope | undefined;
      if (name !== undefined) {
        scope = { attributes: new Set(), refs: new Set(), open: false };
        const map = tag === 'element' ? into.elements : into.defines;
        const key = tag === 'element' ? name.replace(/^[\w-]+:/, '') : name;
        const list = map.get(key) ?? [];
        list.push(scope);
        map.set(key, list);
      }
      stack.push({ tag, scope });
      continue;
    }
    const scope = scopeOf();
    if (!scope) continue;
    if (tag === 'attribute') {
      if (name === undefined) scope.open = true;
      else scope.attributes.add(name);
    } else if (name !== undefined) {
      scope.refs.add(name);
    }
  }
  return into;
}

/** Each element name's allowed attributes (see SchemaFacts.elementAttributes), the refs followed to their defines. */
export function elementAttributesOf(scopes: RngScopes): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const [element, defs] of scopes.elements) {
    const attributes = new Set<string>();
    let open = false;
    const seen = new Set<string>();
    const pending: RngScope[] = [...defs];
    while (pending.length > 0 && !open) {
      const scope = pending.pop()!;
      if (scope.open) open = true;
      for (const a of scope.attributes) attributes.add(a);
      for (const ref of scope.refs) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        const target = scopes.defines.get(ref);
        // A reference to no define (a grammar this scan cannot follow): the element is treated as open.
        if (!target) open = true;
        else pending.push(...target);
      }
    }
    if (!open) out.set(element, attributes);
  }
  return out;
}

function readBounded(path: string, max: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The element names a RelaxNG text defines (`<element name="vcpupin">`; libvirt writes no name classes for domain elements). */
export function elementNamesOf(rng: string, into: Set<string> = new Set()): Set<string> {
  for (const m of rng.matchAll(/<element\s+name\s*=\s*["']([^"']+)["']/g)) into.add(m[1]!.replace(/^[\w-]+:/, ''));
  return into;
}

/**
 * The attribute names a RelaxNG text defines (`<attribute name="clusters">`). libvirt's only
 * `<attribute><anyName/></attribute>` is in customElement, the grammar of <metadata>'s content.
 */
export function attributeNamesOf(rng: string, into: Set<string> = new Set()): Set<string> {
  for (const m of rng.matchAll(/<attribute\s+name\s*=\s*["']([^"']+)["']/g)) into.add(m[1]!);
  return into;
}

/** The enumerated values a RelaxNG text allows (`<value>unmap</value>`), whatever attribute or element they are for. */
export function valuesOf(rng: string, into: Set<string> = new Set()): Set<string> {
  for (const m of rng.matchAll(/<value(?:\s[^>]*)?>([^<]*)<\/value>/g)) into.add(m[1]!.trim());
  return into;
}

/**
 * The version dpkg records for the package that installed `dir/domain.rng`, if one did.
 * `root` is the file system root (tests give a fixture tree).
 */
export function dpkgLibvirtVersion(dir: string, root = '/'): string | undefined {
  const target = `${dir.replace(/\/+$/, '')}/domain.rng`;
  const info = join(root, 'var/lib/dpkg/info');
  let lists: string[];
  try {
    lists = readdirSync(info).filter((f) => f.endsWith('.list') && SCHEMA_PACKAGES.includes(f.slice(0, -'.list'.length).replace(/:.*$/, '')));
  } catch {
    return undefined;
  }
  for (const list of lists) {
    const text = readBounded(join(info, list), MAX_DPKG_LIST_BYTES);
    if (!text || !text.split('\n').includes(target)) continue;
    const pkg = list.slice(0, -'.list'.length).replace(/:.*$/, '');
    const status = readBounded(join(root, 'var/lib/dpkg/status'), MAX_DPKG_STATUS_BYTES);
    if (!status) return undefined;
    for (const stanza of status.split(/\n\n+/)) {
      if (!new RegExp(`^Package: ${pkg}$`, 'm').test(stanza)) continue;
      if (!/^Status: .* installed$/m.test(stanza)) continue;
      const version = /^Version: (?:\d+:)?([^\s-+~]+)/m.exec(stanza)?.[1];
      if (version) return version;
    }
  }
  return undefined;
}

/** `files`: the .rng files the compiled grammar was read from (the validator records them), inside `dir`. */
export function schemaFacts(dir: string, files: readonly string[], root = '/'): SchemaFacts {
  const definedElements = new Set<string>();
  const definedAttributes = new Set<string>();
  const definedValues = new Set<string>();
  const scopes: RngScopes = { elements: new Map(), defines: new Map() };
  for (const path of files.slice(0, MAX_RNG_FILES)) {
    const text = readBounded(path, MAX_RNG_BYTES);
    if (!text) continue;
    elementNamesOf(text, definedElements);
    attributeNamesOf(text, definedAttributes);
    valuesOf(text, definedValues);
    rngScopesOf(text, scopes);
  }
  const elementAttributes = elementAttributesOf(scopes);
  // dpkg's records are read only for the directory a package installs (the default --schema): a
  // directory of the user's own says nothing dpkg knows, and kvmlint reads nothing it need not.
  const libvirtVersion = INSTALLED_SCHEMA_DIRS.includes(dir.replace(/\/+$/, '')) ? dpkgLibvirtVersion(dir, root) : undefined;
  return libvirtVersion ? { definedElements, definedAttributes, definedValues, elementAttributes, libvirtVersion } : { definedElements, definedAttributes, definedValues, elementAttributes };
}
