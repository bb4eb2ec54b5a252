/**
 * Parser for /proc/zoneinfo (mm/vmstat.c `zoneinfo_show_print()`).
 *
 * Each zone starts with `Node N, zone NAME`; the watermark block follows
 * `pages free`. The printed min/low/high/promo are `*_wmark_pages()`, which add
 * the zone's current `boost` (mm/internal.h): subtract it to get the values
 * `__setup_per_zone_wmarks()` set.
 */

export interface ZoneinfoZone {
  node: number;
  name: string;
  managedPages: number;
  presentPages: number;
  spanned?: number;
  /** Watermarks as printed (pages), boost included. */
  min: number;
  low: number;
  high: number;
  /** Printed by kernels with memory-tiering watermarks. */
  promo?: number;
  /** watermark_boost (pages), printed by kernels with watermark boosting. */
  boost?: number;
  /** NR_FREE_PAGES. */
  free?: number;
}

const ZONE_HEADER = /^Node\s+(\d+),\s+zone\s+(\S+)\s*$/;
/** `        min      66`: a word, spaces, a number, nothing else (pageset lines carry a colon). */
const FIELD = /^\s+([a-z]+)\s+(\d+)\s*$/;
const PAGES_FREE = /^\s+pages free\s+(\d+)\s*$/;

const WANTED = new Set(['boost', 'min', 'low', 'high', 'promo', 'spanned', 'present', 'managed']);

export class ZoneinfoParseError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`/proc/zoneinfo line ${line}: ${message}`);
    this.name = 'ZoneinfoParseError';
    this.line = line;
  }
}

export function parseZoneinfo(text: string): ZoneinfoZone[] {
  const out: ZoneinfoZone[] = [];
  let cur: { node: number; name: string; line: number; fields: Map<string, number>; inWatermarks: boolean } | undefined;

  const finish = (): void => {
    if (!cur) return;
    const f = cur.fields;
    for (const k of ['min', 'low', 'high', 'present', 'managed']) {
      if (!f.has(k)) throw new ZoneinfoParseError(`zone ${cur.name} of node ${cur.node} has no "${k}" line`, cur.line);
    }
    const zone: ZoneinfoZone = {
      node: cur.node,
      name: cur.name,
      managedPages: f.get('managed')!,
      presentPages: f.get('present')!,
      min: f.get('min')!,
      low: f.get('low')!,
      high: f.get('high')!,
    };
    if (f.has('spanned')) zone.spanned = f.get('spanned')!;
    if (f.has('promo')) zone.promo = f.get('promo')!;
    if (f.has('boost')) zone.boost = f.get('boost')!;
    if (f.has('free')) zone.free = f.get('free')!;
    out.push(zone);
    cur = undefined;
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = ZONE_HEADER.exec(line);
    if (header) {
      finish();
      cur = { node: Number(header[1]), name: header[2]!, line: i + 1, fields: new Map(), inWatermarks: false };
      continue;
    }
    if (!cur) continue;
    const free = PAGES_FREE.exec(line);
    if (free) {
      // Per-node stats (printed before this line in the first populated zone) are not zone fields.
      cur.fields.set('free', Number(free[1]));
      cur.inWatermarks = true;
      continue;
    }
    if (!cur.inWatermarks) continue;
    if (/^\s+protection:/.test(line)) {
      // Everything after the lowmem_reserve line (pagesets, per-zone counters) is not needed.
      cur.inWatermarks = false;
      continue;
    }
    const field = FIELD.exec(line);
    if (field && WANTED.has(field[1]!) && !cur.fields.has(field[1]!)) cur.fields.set(field[1]!, Number(field[2]));
  }
  finish();
  return out;
}
