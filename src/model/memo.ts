import type { DomainModel } from './domain.ts';
import type { HostModel } from './host.ts';

const NO_HOST = {};
let nextSlot = 0;

/** Per-domain storage for memoPerDomain: slot i holds the key (host) and value of the i-th memoised derivation. */
export interface DomainMemo {
  keys: unknown[];
  values: unknown[];
}

export function newDomainMemo(): DomainMemo {
  // Sized to the derivations registered (all of them, once the rules are loaded): grown by
  // assignment instead, each array would keep room for ~16 slots more per domain.
  return { keys: new Array(nextSlot), values: new Array(nextSlot) };
}

/**
 * Memoises a derivation of one domain against one host (or none): affinity
 * groups, thread groups, dedicated CPUs. Many rules ask the same question of
 * every domain; each answer is computed once and kept in a slot of the domain
 * itself, so it is dropped with the domain (a fleet's memory stays that of one
 * plan) and found without a hash lookup. Results are shared: callers must not
 * mutate them.
 */
export function memoPerDomain<T>(compute: (d: DomainModel, host: HostModel | undefined) => T): (d: DomainModel, host?: HostModel) => T {
  const slot = nextSlot++;
  // The same domain against a second host (tests, tools; never a lint run) goes to a side table.
  const otherHosts = new WeakMap<DomainModel, Map<object, T>>();
  return (d, host) => {
    const key = host ?? NO_HOST;
    const memo = d.memo;
    const stored = memo.keys[slot];
    if (stored === key) return memo.values[slot] as T;
    if (stored === undefined) {
      const value = compute(d, host);
      memo.keys[slot] = key;
      memo.values[slot] = value;
      return value;
    }
    let byHost = otherHosts.get(d);
    if (!byHost) otherHosts.set(d, (byHost = new Map()));
    if (byHost.has(key)) return byHost.get(key)!;
    const value = compute(d, host);
    byHost.set(key, value);
    return value;
  };
}

/** memoPerDomain's counterpart for facts derived from a host alone (node sets, pool sizes, watermarks): once per host model. */
export function memoPerHost<T>(compute: (host: HostModel) => T): (host: HostModel) => T {
  const cache = new WeakMap<HostModel, { value: T }>();
  return (host) => {
    let entry = cache.get(host);
    if (!entry) cache.set(host, (entry = { value: compute(host) }));
    return entry.value;
  };
}
