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

/** Joins names for a message: "a", "a and b", "a, b and c". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
