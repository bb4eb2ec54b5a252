import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR_ENV } from '../../src/schema/dir.ts';

/**
 * libvirt's RelaxNG schemas for the tests that validate against them. .ci/run unpacks them
 * from Debian's libvirt0 package (apt-get download + dpkg -x, libvirt is not installed) and
 * exports KVMLINT_LIBVIRT_SCHEMAS. Without it those tests are skipped locally, with how to
 * get the schemas; in CI (CI set) a missing schema directory is a failure, so the checks
 * can never pass by being skipped.
 */
export interface LibvirtSchemas {
  /** Directory holding domain.rng; undefined when skipped. */
  dir: string | undefined;
  /** Why schema tests are skipped (for node:test's `skip`), or false. */
  skip: string | false;
}

export const HOW_TO_GET_SCHEMAS =
  `cd /tmp && apt-get download libvirt0 && dpkg -x libvirt0_*.deb libvirt0 && export ${SCHEMA_DIR_ENV}=/tmp/libvirt0/usr/share/libvirt/schemas`;

export function libvirtSchemas(): LibvirtSchemas {
  const dir = process.env[SCHEMA_DIR_ENV];
  if (!dir) {
    if (process.env.CI) throw new Error(`${SCHEMA_DIR_ENV} is not set: .ci/run unpacks libvirt's schemas from Debian's libvirt0 package and exports it`);
    return { dir: undefined, skip: `${SCHEMA_DIR_ENV} not set (.ci/run sets it; to get libvirt's schemas: ${HOW_TO_GET_SCHEMAS})` };
  }
  if (!existsSync(join(dir, 'domain.rng'))) throw new Error(`${SCHEMA_DIR_ENV}=${dir} holds no domain.rng`);
  return { dir, skip: false };
}
