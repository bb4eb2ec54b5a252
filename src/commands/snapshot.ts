import { chmodSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../cli.ts';
import { readRegularFile, UsageError } from '../engine/source.ts';
import { refuseSymlinkOut } from '../engine/runner.ts';
import { isInside, realAsFarAsExists } from '../engine/paths.ts';
import { repositoryRoot } from '../engine/repo.ts';
import { neutraliseLine } from '../formats/neutralise.ts';
import { captureHost } from '../host/capture.ts';
import { formatSnapshot } from '../host/snapshot-json.ts';
import { HostSnapshotError, importHostText, loadHostSnapshotText, MAX_HOST_FILE_BYTES } from '../host/load.ts';
import type { HostSnapshot } from '../model/host.ts';
import { buildHostModel } from '../model/host-model.ts';

interface SnapshotOptions {
  root?: string;
  output?: string;
  from?: string;
}

/** SOURCE_DATE_EPOCH (reproducible builds) fixes the capture time; otherwise now. */
function captureTime(env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}

function summary(s: HostSnapshot): string {
  // The online CPUs the rules use (the online mask, else the nodes' CPUs), not the nodes' lists alone.
  const cpus = buildHostModel(s).online.size;
  const name = s.hostname ? `${s.hostname}: ` : '';
  return `${name}${s.nodes.length} node${s.nodes.length === 1 ? '' : 's'}, ${cpus} online CPU${cpus === 1 ? '' : 's'}`;
}

/** Which CPUs housekeeping gets and where the isolated set came from (rules.md §0), for the operator to check. */
function isolationSummary(s: HostSnapshot): string {
  const m = buildHostModel(s);
  if (!m.isolation || !m.housekeeping) {
    return m.missing.has('isolation')
      ? 'isolation: unknown (the source cannot say); housekeeping rules stay silent'
      : 'isolation: none declared (no isolcpus, nohz_full or tuned isolated_cores); housekeeping rules stay silent';
  }
  const from = m.isolation.sources.length > 0 ? ` from ${m.isolation.sources.join(', ')}` : '';
  return `housekeeping CPUs ${m.housekeeping.toString() || 'none'}; isolated ${m.isolation.isolated.toString() || 'none'}${from}`;
}

/** What runs on the host, for the operator to check the capture saw the guests (capture after they start). */
function runningSummary(s: HostSnapshot): string | undefined {
  const r = s.running;
  if (!r?.guests) return undefined;
  const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const guests = r.guests.length === 0 ? 'no running guests' : `${plural(r.guests.length, 'running guest')} (${r.guests.map((g) => g.name).join(', ')})`;
  const noise = r.isolatedCpus === undefined ? '' : `; on isolated CPUs: ${plural(r.foreignTasks?.length ?? 0, 'foreign task')}, ${plural(r.irqs?.length ?? 0, 'IRQ')}`;
  return `${guests}${noise}`;
}

/**
 * Writes through a temporary file and a rename, so a failed write never leaves half a snapshot. As
 * the lint's `-o`: a path inside the workspace by name must stay in it (a committed symlinked
 * directory on the way is refused, not written through), and a file it replaces keeps its mode.
 */
function writeAtomically(path: string, text: string, workspace: string): void {
  if (isInside(workspace, path)) {
    const parent = realAsFarAsExists(dirname(path));
    if (!isInside(realAsFarAsExists(workspace), parent)) {
      throw new UsageError(`cannot write ${path}: its directory leads through a symlink to ${parent}, outside the workspace ${workspace}`);
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const replaced = lstatSync(path, { throwIfNoEntry: false });
    // O_EXCL: a committed file (or symlink) of that name is never written through.
    writeFileSync(tmp, text, { flag: 'wx' });
    if (replaced?.isFile()) chmodSync(tmp, replaced.mode & 0o7777);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

/** `kvmlint snapshot`: capture this host (or a tree rooted at --root), or convert --from FILE, as a host snapshot. */
export function registerSnapshotCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('snapshot')
    .description(
      'capture this host (/sys, /proc, /etc/tuned; or a copy of them under --root) as a host snapshot, ' +
        'or convert `virsh capabilities` XML or `numactl --hardware` output (--from)',
    )
    .option('--root <dir>', 'read sys/, proc/, etc/, run/libvirt/ and var/lib/dpkg/ under this directory instead of /')
    .option('-o, --output <file>', 'write the snapshot to a file instead of stdout')
    .option('--from <file>', 'convert this host input (snapshot JSON, virsh capabilities XML, numactl --hardware text) instead of capturing')
    .action((opts: SnapshotOptions) => {
      if (opts.from !== undefined && opts.root !== undefined) throw new UsageError('snapshot: --from and --root cannot be used together');
      let snapshot: HostSnapshot;
      let notes: string[];
      if (opts.from !== undefined) {
        const from = resolve(io.cwd, opts.from);
        // As --host: a committed link out of the workspace is not read (a converted snapshot or an error message
        // would show what it points at).
        try {
          refuseSymlinkOut(opts.from, io.cwd, 'host input');
        } catch (err) {
          if (err instanceof UsageError) throw new UsageError(`snapshot: ${err.message}`);
          throw err;
        }
        let text: string;
        try {
          // Bounded, and a regular file only (a committed link to /dev/zero is refused), as --host reads it.
          text = readRegularFile(from, MAX_HOST_FILE_BYTES).toString('utf8');
        } catch (err) {
          if (err instanceof UsageError) throw new UsageError(`snapshot: ${err.message.replace(from, opts.from)}`);
          const code = (err as NodeJS.ErrnoException).code;
          throw new UsageError(`snapshot: ${opts.from}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
        }
        ({ snapshot, notes } = importHostText(text, opts.from));
      } else {
        ({ snapshot, notes } = captureHost({ root: resolve(io.cwd, opts.root ?? '/'), now: captureTime(io.env) }));
      }

      const text = formatSnapshot(snapshot);
      const shownName = opts.output ?? '<stdout>';
      try {
        loadHostSnapshotText(text, shownName);
      } catch (err) {
        // The snapshot we made must load: anything else is a kvmlint bug, not the host's.
        if (err instanceof HostSnapshotError) throw new Error(`the snapshot made does not load back: ${err.message}`);
        throw err;
      }

      if (opts.output !== undefined) writeAtomically(resolve(io.cwd, opts.output), text, repositoryRoot(io.cwd));
      else io.stdout(text);

      for (const note of notes) io.stderr(`kvmlint snapshot: note: ${neutraliseLine(note)}\n`);
      io.stderr(`kvmlint snapshot: ${neutraliseLine(isolationSummary(snapshot))}\n`);
      for (const note of buildHostModel(snapshot).isolation?.notes ?? []) io.stderr(`kvmlint snapshot: isolation: ${neutraliseLine(note)}\n`);
      const running = runningSummary(snapshot);
      if (running) io.stderr(`kvmlint snapshot: ${neutraliseLine(running)}\n`);
      if (snapshot.missing && snapshot.missing.length > 0) {
        io.stderr(`kvmlint snapshot: missing (rules needing these stay silent): ${neutraliseLine(snapshot.missing.join(', '))}\n`);
      }
      // The hostname comes from the tree or the converted file: one line, no controls.
      if (opts.output !== undefined) io.stderr(`kvmlint snapshot: wrote ${opts.output} (${neutraliseLine(summary(snapshot))})\n`);
      setExitCode(0);
    });
}
