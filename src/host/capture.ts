/**
 * `kvmlint snapshot`: reads every fact of host-snapshot.md's table under a root
 * directory (default `/`) into a HostSnapshot, one module per source under
 * capture/: sys.ts (/sys), proc.ts (/proc), tuned.ts (/etc/tuned), libvirt.ts
 * (installed package metadata for the libvirt version; /etc/libvirt and /run/libvirt
 * for definitions and status), hooks.ts (/etc/libvirt/hooks scripts that set hugepage
 * pools when a guest starts) and guests.ts (running QEMU processes, tasks and
 * IRQs on isolated CPUs, from /proc). The JSON serializer is snapshot-json.ts.
 *
 * A missing file is not an error: its field is left out and named in `missing`.
 * Every CPU list is stored as `{raw, parsed}`: the text exactly as its source
 * printed it (trailing newline dropped) and the canonical list it means, parsed
 * with that source's own grammar (kernel lists for sysfs, tuned's for tuned).
 */
import { resolve } from 'node:path';
import { UsageError } from '../engine/source.ts';
import { CpuSet } from '../model/cpuset.ts';
import type { HostSnapshot } from '../model/host.ts';
import { buildHostModel } from '../model/host-model.ts';
import { captureCmdline, captureIdentity, capturePageSize, captureRtThrottling, captureVmSysctls, readProcMeminfo, readZoneinfo } from './capture/proc.ts';
import { captureCpuMasks, captureCpuTopology, captureHugepageSizes, captureNodes, captureRunningIsolation, SYS_CPU } from './capture/sys.ts';
import { captureRunning } from './capture/guests.ts';
import { captureDefinitions, captureLibvirtVersion } from './capture/libvirt.ts';
import { captureNumad } from './capture/numad.ts';
import { captureHugepageHooks } from './capture/hooks.ts';
import { TreeReader } from './capture/tree.ts';
import { captureTuned } from './capture/tuned.ts';

export interface CaptureOptions {
  /** Directory holding `sys/`, `proc/` and `etc/tuned/` (a copy of a host's, or `/`). Default `/`. */
  root?: string;
  /** Capture time written to `capturedAt`; default now. */
  now?: Date;
}

export interface CaptureResult {
  snapshot: HostSnapshot;
  /** Things the reader should know that the snapshot cannot say (unreadable values, derived facts). */
  notes: string[];
}

/** Reads the host under `options.root` (default `/`). */
export function captureHost(options: CaptureOptions = {}): CaptureResult {
  const root = resolve(options.root ?? '/');
  const reader = new TreeReader(root);
  if (!reader.isDir(SYS_CPU) && !reader.isDir('proc')) {
    throw new UsageError(`${root} has neither sys/devices/system/cpu nor proc: not a Linux /sys and /proc tree`);
  }

  const snapshot: HostSnapshot = { kvmlintHostSnapshot: 1, source: 'capture', nodes: [] };
  captureIdentity(reader, snapshot);
  // Absent when no package metadata names it: rules then assume the older behaviour and say so (not a missing fact).
  const libvirtVersion = captureLibvirtVersion((rel) => reader.text(rel));
  if (libvirtVersion !== undefined) snapshot.libvirtVersion = libvirtVersion;
  snapshot.capturedAt = (options.now ?? new Date()).toISOString();

  const cpus = captureCpuMasks(reader, snapshot);
  const zoneinfo = readZoneinfo(reader);
  const cpuNode = captureNodes(reader, snapshot, cpus, zoneinfo);
  captureHugepageSizes(reader, snapshot, readProcMeminfo(reader));
  capturePageSize(reader, snapshot);
  captureVmSysctls(reader, snapshot);
  captureCmdline(reader, snapshot);
  captureRtThrottling(reader, snapshot);
  captureRunningIsolation(reader, snapshot, cpus.nrCpuIds);

  const tuned = captureTuned(reader, cpus.nrCpuIds);
  if (tuned) snapshot.tuned = tuned;

  const topology = captureCpuTopology(reader, cpuNode, cpus.online?.set, cpus.nrCpuIds);
  if (topology) snapshot.cpuTopology = topology;
  else reader.miss('cpuTopology');

  const definitions = captureDefinitions(reader);
  const hugepageHooks = captureHugepageHooks(reader);
  const numad = captureNumad(reader);
  if (definitions || hugepageHooks || numad !== undefined) {
    snapshot.libvirt = { ...(definitions && { definitions }), ...(hugepageHooks && { hugepageHooks }), ...(numad !== undefined && { numad }) };
  }
  const running = captureRunning(reader, isolatedAtCapture(snapshot), cpus.nrCpuIds);
  if (running) snapshot.running = running;

  for (const [source, problems] of reader.unreadable) reader.notes.push(`${source}: could not use ${problems.join('; ')}`);
  if (reader.missing.size > 0) snapshot.missing = [...reader.missing].sort();
  return { snapshot, notes: reader.notes };
}

/** The isolated set I (rules.md §0) of what was captured so far: which CPUs must be quiet. */
function isolatedAtCapture(snapshot: HostSnapshot): CpuSet | undefined {
  try {
    const model = buildHostModel(snapshot);
    // No isolation declared is an empty set; a source that cannot say is unknown.
    return model.isolation?.isolated ?? (model.missing.has('isolation') ? undefined : CpuSet.empty);
  } catch {
    // A value the model cannot take was already noted and left out by its reader.
    return undefined;
  }
}
