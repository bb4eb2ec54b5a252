import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../engine/source.ts';

/** The grammar libvirt validates a domain with (virxml.c virXMLParseHelper, `virsh define --validate`). */
export const DOMAIN_SCHEMA = 'domain.rng';

/**
 * Searched first by `--schema` without a directory: lets a machine without libvirt
 * installed (CI, a laptop) point kvmlint at schemas unpacked from a package.
 */
export const SCHEMA_DIR_ENV = 'KVMLINT_LIBVIRT_SCHEMAS';

/**
 * Where libvirt installs its schemas: PKGDATADIR "/schemas" (virxml.c looks there),
 * /usr/share/libvirt/schemas for distribution packages (Debian's libvirt0,
 * Fedora's libvirt-libs), /usr/local/share/libvirt/schemas for a source build.
 */
export const INSTALLED_SCHEMA_DIRS: readonly string[] = ['/usr/share/libvirt/schemas', '/usr/local/share/libvirt/schemas'];

/** A schema directory that is missing or unusable: exit 2, like any usage error. */
export class SchemaError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

/** `$KVMLINT_LIBVIRT_SCHEMAS` (when set), then the installed locations. */
export function defaultSchemaDirs(env: Readonly<Record<string, string | undefined>>): string[] {
  const fromEnv = env[SCHEMA_DIR_ENV];
  return [...(fromEnv ? [fromEnv] : []), ...INSTALLED_SCHEMA_DIRS];
}

/** Why `dir` cannot serve as libvirt's schema directory, or undefined when it holds domain.rng. */
export function schemaDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return 'does not exist';
  if (!statSync(dir).isDirectory()) return 'is not a directory';
  const main = join(dir, DOMAIN_SCHEMA);
  if (!existsSync(main) || !statSync(main).isFile()) return `holds no ${DOMAIN_SCHEMA} (libvirt's RelaxNG schemas, installed as /usr/share/libvirt/schemas)`;
  return undefined;
}

/** `--schema DIR`: DIR (relative to cwd) must hold domain.rng. */
export function checkSchemaDir(dir: string, cwd: string, shown = dir): string {
  const abs = resolve(cwd, dir);
  const problem = schemaDirProblem(abs);
  if (problem) {
    throw new SchemaError(
      `schema directory ${shown} ${problem}` +
        // commander gives an optional option-argument the next word: `--schema guests/` names guests/ as the schema directory.
        (problem.startsWith('holds no') ? `; to search the installed locations instead, put --schema after the paths to lint` : ''),
    );
  }
  return abs;
}

/** `--schema` alone: the first directory of `candidates` that holds domain.rng. */
export function findSchemaDir(candidates: readonly string[], cwd: string): string {
  for (const dir of candidates) {
    const abs = resolve(cwd, dir);
    if (!schemaDirProblem(abs)) return abs;
  }
  throw new SchemaError(
    `libvirt's schemas were not found (looked for ${DOMAIN_SCHEMA} in ${candidates.join(', ')}): install them (Debian/Ubuntu: libvirt0; Fedora/RHEL: libvirt-libs), set ${SCHEMA_DIR_ENV}, or name the directory with --schema DIR`,
  );
}
