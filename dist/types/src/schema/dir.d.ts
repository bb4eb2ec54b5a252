import { UsageError } from '../engine/source.js';
/** The grammar libvirt validates a domain with (virxml.c virXMLParseHelper, `virsh define --validate`). */
export declare const DOMAIN_SCHEMA = "domain.rng";
/**
 * Searched first by `--schema` without a directory: lets a machine without libvirt
 * installed (CI, a laptop) point kvmlint at schemas unpacked from a package.
 */
export declare const SCHEMA_DIR_ENV = "KVMLINT_LIBVIRT_SCHEMAS";
/**
 * Where libvirt installs its schemas: PKGDATADIR "/schemas" (virxml.c looks there),
 * /usr/share/libvirt/schemas for distribution packages (Debian's libvirt0,
 * Fedora's libvirt-libs), /usr/local/share/libvirt/schemas for a source build.
 */
export declare const INSTALLED_SCHEMA_DIRS: readonly string[];
/** A schema directory that is missing or unusable: exit 2, like any usage error. */
export declare class SchemaError extends UsageError {
    constructor(message: string);
}
/** `$KVMLINT_LIBVIRT_SCHEMAS` (when set), then the installed locations. */
export declare function defaultSchemaDirs(env: Readonly<Record<string, string | undefined>>): string[];
/** Why `dir` cannot serve as libvirt's schema directory, or undefined when it holds domain.rng. */
export declare function schemaDirProblem(dir: string): string | undefined;
/** `--schema DIR`: DIR (relative to cwd) must hold domain.rng. */
export declare function checkSchemaDir(dir: string, cwd: string, shown?: string): string;
/** `--schema` alone: the first directory of `candidates` that holds domain.rng. */
export declare function findSchemaDir(candidates: readonly string[], cwd: string): string;
