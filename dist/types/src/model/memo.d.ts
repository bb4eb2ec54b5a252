import type { DomainModel } from './domain.js';
import type { HostModel } from './host.js';
/** Per-domain storage for memoPerDomain: slot i holds the key (host) and value of the i-th memoised derivation. */
export interface DomainMemo {
    keys: unknown[];
    values: unknown[];
}
export declare function newDomainMemo(): DomainMemo;
/**
 * Memoises a derivation of one domain against one host (or none): affinity
 * groups, thread groups, dedicated CPUs. Many rules ask the same question of
 * every domain; each answer is computed once and kept in a slot of the domain
 * itself, so it is dropped with the domain (a fleet's memory stays that of one
 * plan) and found without a hash lookup. Results are shared: callers must not
 * mutate them.
 */
export declare function memoPerDomain<T>(compute: (d: DomainModel, host: HostModel | undefined) => T): (d: DomainModel, host?: HostModel) => T;
/** memoPerDomain's counterpart for facts derived from a host alone (node sets, pool sizes, watermarks): once per host model. */
export declare function memoPerHost<T>(compute: (host: HostModel) => T): (host: HostModel) => T;
