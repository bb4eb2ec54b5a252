import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { SYSFS_FIXTURES_DIR } from '../../scripts/gen-sysfs-fixtures.ts';

/**
 * Copies of the no-tuned fixture host tree with files added (mode 0755, or 0644 for those in `plain`), removed after
 * the test file: for captures of what a host has beside /sys and /proc (libvirt hooks, numad).
 */
export function sysfsTreeFactory(prefix: string): (files: Record<string, string>, plain?: string[]) => string {
  const temps: string[] = [];
  after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (files, plain = []) => {
    const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'root');
    temps.push(dirname(dir));
    cpSync(join(SYSFS_FIXTURES_DIR, 'no-tuned'), dir, { recursive: true, verbatimSymlinks: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
      chmodSync(join(dir, rel), plain.includes(rel) ? 0o644 : 0o755);
    }
    return dir;
  };
}
