/**
 * The tuned daemon's state under /etc/tuned: the active profile and the
 * isolated_cores / no_balance_cores variables its CPU-partitioning profiles read.
 */
import { tunedIncludeChain, tunedProfileConfPaths } from './tuned-includes.ts';
import type { HostSnapshot } from '../../model/host.ts';
import { cpuList, type TreeReader } from './tree.ts';

/** `key=value` lines of a tuned variables file (comments and blank lines skipped); the last assignment wins. */
function parseTunedVariables(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    out.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim());
  }
  return out;
}

/** The variables file a tuned profile reads its isolated_cores from (tuned: profiles/<name>/tuned.conf `include=`). */
function tunedVariablesFile(profile: string | undefined): string[] {
  const names = (profile ?? '').split(/\s+/).filter((p) => p !== '');
  const files: string[] = [];
  for (const p of names) {
    if (p === 'cpu-partitioning' || p === 'cpu-partitioning-powersave') files.push('cpu-partitioning-variables.conf');
    else if (p === 'realtime') files.push('realtime-variables.conf');
    else if (p === 'realtime-virtual-host') files.push('realtime-virtual-host-variables.conf');
    else if (p === 'realtime-virtual-guest') files.push('realtime-virtual-guest-variables.conf');
  }
  return files.length > 0 ? [...new Set(files)] : ['cpu-partitioning-variables.conf'];
}

export function captureTuned(reader: TreeReader, nrCpuIds: number | undefined): HostSnapshot['tuned'] {
  if (!reader.isDir('etc/tuned')) {
    reader.miss('tuned');
    return undefined;
  }
  const profileText = reader.line('etc/tuned/active_profile');
  if (profileText === undefined) reader.miss('tuned.activeProfile');
  const profile = profileText?.trim();
  const tuned: NonNullable<HostSnapshot['tuned']> = {};
  if (profile !== undefined && profile !== '') tuned.activeProfile = profile;
  // A custom profile may include cpu-partitioning or realtime-virtual-host (tuned-includes.ts).
  const includes = profile ? tunedIncludeChain(profile, (name) => tunedProfileConfPaths(name).map((rel) => reader.text(rel)).find((t) => t !== undefined)) : [];
  if (includes.length > 0) tuned.includes = includes;

  for (const file of tunedVariablesFile([profile, ...includes].join(' '))) {
    const rel = `etc/tuned/${file}`;
    const text = reader.text(rel);
    if (text === undefined) continue;
    const vars = parseTunedVariables(text);
    for (const [key, field] of [
      ['isolated_cores', 'isolatedCores'],
      ['no_balance_cores', 'noBalanceCores'],
    ] as const) {
      const raw = vars.get(key);
      if (raw === undefined || tuned[field] !== undefined) continue;
      if (raw.includes('${')) {
        // e.g. the shipped default `isolated_cores=${f:calc_isolated_cores:1}`: tuned evaluates it on the host.
        reader.notes.push(`/${rel}: ${key}=${raw} uses tuned variables or functions that only tuned can evaluate; left out`);
        reader.miss(`tuned.${field}`);
        continue;
      }
      const parsed = cpuList(reader, `/${rel} ${key}`, raw, 'tuned', nrCpuIds);
      if (parsed) tuned[field] = parsed.list;
      else reader.miss(`tuned.${field}`);
    }
  }
  return Object.keys(tuned).length > 0 ? tuned : undefined;
}
