/**
 * The placement map in the terminal: per host, per node, one line per core (SMT
 * siblings together) with H (housekeeping) or I (isolated) and the guest threads
 * on each CPU; a conflict is marked `!!` (red with color); then hugepages and memory
 * per node, and the plan's findings.
 */
import { formatKiB } from '../model/units.ts';
import { shortSize, type HostMap, type MapCpu } from './model.ts';
import { neutraliseLine } from '../formats/neutralise.ts';

const RED = '\u001b[31m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function occupantsText(cpu: MapCpu): string {
  if (cpu.occupants.length === 0) return '—';
  // Emulators and IOThreads of many guests share housekeeping CPUs: one entry per thread kind, guests listed.
  const byThread = new Map<string, string[]>();
  const out: string[] = [];
  for (const o of cpu.occupants) {
    if (o.dedicated) {
      out.push(`${o.guest} ${o.thread}`);
      continue;
    }
    const kind = o.thread.startsWith('vCPU') ? 'vCPUs' : o.thread.startsWith('IOThread') ? 'IOThreads' : 'emulator';
    const list = byThread.get(kind) ?? [];
    if (!list.includes(o.guest)) list.push(o.guest);
    byThread.set(kind, list);
  }
  for (const [kind, gs] of byThread) out.push(`${kind} of ${gs.length > 4 ? `${gs.slice(0, 4).join(', ')} +${gs.length - 4}` : gs.join(', ')}`);
  if (cpu.more > 0) out.push(`+${cpu.more} more threads`);
  return out.join('; ');
}

export function formatHostMapText(map: HostMap, opts: { color: boolean }): string {
  const c = (code: string, s: string) => (opts.color ? `${code}${s}${RESET}` : s);
  let out = `${c(BOLD, `${map.name}`)} (${map.path}): ${map.nodes.length} node${map.nodes.length === 1 ? '' : 's'}, ${map.guests.length} guest${map.guests.length === 1 ? '' : 's'}\n`;
  const width = Math.max(1, ...map.nodes.flatMap((n) => n.cores.flatMap((core) => core.map((cpu) => String(cpu.id).length))));
  for (const node of map.nodes) {
    const pages = node.hugepages.map((p) => `${formatKiB(p.sizeKiB)} pages ${p.used}/${p.total}${p.used > p.total ? c(RED, ' !!') : ''}`).join(', ');
    const mem = node.memory.freeKiB === undefined ? `${shortSize(node.memory.boundKiB)} bound` : `${shortSize(node.memory.boundKiB)} bound / ${shortSize(node.memory.freeKiB)} free${node.memory.highKiB !== undefined ? ` (high watermark ${shortSize(node.memory.highKiB)})` : ''}${node.memory.freeKiB - node.memory.boundKiB < (node.memory.highKiB ?? 0) ? c(RED, ' !!') : ''}`;
    out += `  node ${node.id}: ${pages || 'no hugepage pools'}; memory ${mem}\n`;
    if (node.kinds) out += `  ${node.kinds.map((k) => `${k.label} ${k.cpus}`).join(', ')}\n`;
    // Runs of free cores with the same mark are one line: a 64-core node is not 64 lines of "—".
    for (let k = 0; k < node.cores.length; k++) {
      const core = node.cores[k]!;
      const mark = core.every((cpu) => cpu.housekeeping) ? 'H' : core.every((cpu) => !cpu.housekeeping) ? 'I' : 'H/I';
      const free = (cr: typeof core) => cr.every((cpu) => cpu.occupants.length === 0);
      if (free(core)) {
        let j = k;
        while (j + 1 < node.cores.length && free(node.cores[j + 1]!) && node.cores[j + 1]!.length === core.length && node.cores[j + 1]!.every((cpu) => cpu.housekeeping === core[0]!.housekeeping && cpu.kind === core[0]!.kind)) j++;
        if (j > k) {
          const first = core.map((cpu) => cpu.id).join(',');
          const last = node.cores[j]!.map((cpu) => cpu.id).join(',');
          out += `${c(DIM, `    ${`${first}…${last}`.padEnd((width + 1) * 2)} ${mark.padEnd(3)} — (${j - k + 1} free cores)`)}\n`;
          k = j;
          continue;
        }
      }
      const cpus = core.map((cpu) => String(cpu.id).padStart(width)).join(',');
      const threads = core.map(occupantsText);
      const conflict = core.some((cpu) => cpu.conflict);
      const shown = core.length === 1 ? threads[0]! : core.map((cpu, i) => `${cpu.id}: ${threads[i]}`).join(' | ');
      const line = `    ${cpus.padEnd((width + 1) * 2)} ${mark.padEnd(3)} ${shown}${conflict ? ' !!' : ''}`;
      out += conflict ? `${c(RED, line)}\n` : free(core) ? `${c(DIM, line)}\n` : `${line}\n`;
    }
  }
  if (map.findings.length > 0) {
    out += `  findings:\n`;
    for (const f of map.findings) {
      const msg = f.message.length > 160 ? `${f.message.slice(0, 159)}…` : f.message;
      out += `    ${neutraliseLine(f.file)}:${f.line}:${f.column} ${f.severity === 'error' ? c(RED, f.severity) : f.severity} ${f.ruleId}: ${neutraliseLine(msg)}\n`;
    }
  } else out += `  no findings\n`;
  return out;
}
