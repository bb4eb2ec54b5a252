import type { CpuSet } from './cpuset.ts';

/** "CPU 2" / "CPUs 0-3,8" — for messages. */
export function describeCpus(set: CpuSet): string {
  return `${set.size === 1 ? 'CPU' : 'CPUs'} ${set.toString()}`;
}

/** "node 1" / "nodes 0-1". */
export function describeNodes(set: CpuSet): string {
  return set.isEmpty ? 'no node' : `${set.size === 1 ? 'node' : 'nodes'} ${set.toString()}`;
}

/** "vCPU 3" / "vCPUs 0-7". */
export function describeVcpus(set: CpuSet): string {
  return `${set.size === 1 ? 'vCPU' : 'vCPUs'} ${set.toString()}`;
}

/**
 * A value quoted in a message, cut to about `max` characters: a 1 MB attribute
 * must not turn into a 1 MB diagnostic. Never splits a surrogate pair.
 */
export function excerpt(value: string, max = 48): string {
  if (value.length <= max) return value;
  let cut = max - 1;
  const c = value.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${value.slice(0, cut)}…`;
}

/** Joins names for a message: "a", "a and b", "a, b and c". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A planned domain named for a message: "web-02 (hv01/web-02.xml)", or the path alone when it has no name. */
export function describeDomain(on: { domain: { name: string | undefined }; source: { path: string } }): string {
  const { name } = on.domain;
  const { path } = on.source;
  return name ? `${excerpt(name, 40)} (${path})` : path;
}

/** Names at most `max` items, then "and N more …": bounded messages however many domains collide. */
export function listBounded(names: readonly string[], total: number, max = 3, more: string | readonly [one: string, many: string] = ['other domain', 'other domains']): string {
  const shown = names.slice(0, max);
  const rest = total - shown.length;
  // `more` as [one, many]: "1 other guest", not "1 other guests".
  if (rest > 0) shown.push(`${rest} ${typeof more === 'string' ? more : more[rest === 1 ? 0 : 1]}`);
  return listNames(shown);
}
