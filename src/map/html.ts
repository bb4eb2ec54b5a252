/**
 * The placement map as one self-contained HTML file: inline CSS and SVG, no
 * script, no network, no external font. Per host, each node is a row of cores
 * (SMT siblings stacked), each CPU coloured by its guest, housekeeping CPUs grey,
 * conflicts outlined red; hovering a CPU shows its threads (an SVG <title>), a
 * legend names every guest with its CPUs and nodes, the findings stand beside.
 */
import { formatKiB } from '../model/units.ts';
import { neutraliseLine } from '../formats/neutralise.ts';

import { shortSize, type HostMap, type MapCpu } from './model.ts';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A stable, distinct colour per guest (golden-angle hues). */
function colourOf(index: number): string {
  // From blue round the wheel, skipping the reds, which mark conflicts and overdrawn pools (the 10th guest
  // landed on hue 358).
  const hue = Math.round((200 + index * 137.508) % 360);
  return `hsl(${hue >= 335 || hue < 25 ? (hue + 50) % 360 : hue}, 60%, 60%)`;
}

const CELL = 22;
const GAP = 4;

function cpuTitle(cpu: MapCpu): string {
  const who = cpu.occupants.length === 0 ? 'free' : cpu.occupants.map((o) => `${o.guest} ${o.thread}`).join('\n') + (cpu.more > 0 ? `\n+${cpu.more} more threads` : '');
  return `CPU ${cpu.id} (${cpu.housekeeping ? 'housekeeping' : 'isolated'}${cpu.kind ? `, ${cpu.kind}` : ''})${cpu.conflict ? ' — CONFLICT' : ''}\n${who}`;
}

function nodeSvg(map: HostMap, nodeIndex: number, colours: Map<string, string>): string {
  const node = map.nodes[nodeIndex]!;
  const rows = Math.max(1, ...node.cores.map((c) => c.length));
  const perRow = Math.min(32, Math.max(1, node.cores.length));
  const bands = Math.ceil(node.cores.length / perRow);
  const w = perRow * (CELL + GAP) + GAP;
  const bandH = rows * CELL + GAP * 2;
  const h = bands * bandH + GAP;
  let body = '';
  node.cores.forEach((core, k) => {
    const x = GAP + (k % perRow) * (CELL + GAP);
    const y0 = GAP + Math.floor(k / perRow) * bandH;
    core.forEach((cpu, r) => {
      const y = y0 + r * CELL;
      const dedicated = cpu.occupants.find((o) => o.dedicated && o.thread.startsWith('vCPU'));
      const fill = dedicated ? colours.get(dedicated.key)! : cpu.housekeeping ? '#d9d9d9' : '#ffffff';
      const cls = `cpu${cpu.housekeeping ? ' hk' : ''}${cpu.conflict ? ' conflict' : ''}`;
      const guests = [...new Set(cpu.occupants.map((o) => o.key))].map((g) => `g-${[...colours.keys()].indexOf(g)}`).join(' ');
      body += `<g class="${cls} ${guests}"><rect x="${x}" y="${y}" width="${CELL}" height="${CELL - 1}" fill="${fill}"/><text x="${x + CELL / 2}" y="${y + CELL / 2 + 3}">${cpu.id}</text><title>${esc(cpuTitle(cpu))}</title></g>`;
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="node ${node.id} CPUs">${body}</svg>`;
}

function bar(used: number, total: number, label: string, title = ''): string {
  const pct = total > 0 ? Math.min(100, (100 * used) / total) : used > 0 ? 100 : 0;
  const over = used > total;
  return `<div class="bar${over ? ' over' : ''}"${title ? ` title="${esc(title)}"` : ''}><div class="fill" style="width:${pct.toFixed(1)}%"></div><span>${esc(label)}</span></div>`;
}

/** The first clause of a finding, the rest behind a disclosure. */
function shortMessage(message: string): string {
  const cut = message.indexOf(': ');
  if (message.length <= 160 || cut < 0 || cut > 200) return `<br>${esc(message)}`;
  return `<details><summary>${esc(message.slice(0, cut))}</summary>${esc(message.slice(cut + 2))}</details>`;
}

export function formatMapHtml(maps: readonly HostMap[], title = 'kvmlint placement map'): string {
  let hosts = '';
  for (const map of maps) {
    // By file: two guests whose names are cut to one label still get two colours.
    const colours = new Map(map.guests.map((g, i) => [g.file, colourOf(i)] as const));
    let nodes = '';
    map.nodes.forEach((node, i) => {
      const pools = node.hugepages.map((p) => bar(p.used, p.total, `${formatKiB(p.sizeKiB)} pages ${p.used}/${p.total}`)).join('');
      const free = node.memory.freeKiB;
      const room = free === undefined ? undefined : free - (node.memory.highKiB ?? 0);
      const mem = room === undefined ? `<div class="bar"><span>memory: ${formatKiB(node.memory.boundKiB)} bound (free unknown)</span></div>` : bar(node.memory.boundKiB, Math.max(0, room), `memory ${shortSize(node.memory.boundKiB)} / ${shortSize(Math.max(0, room))}`, 'small-page memory bound strictly to the node / its free memory above the high watermark');
      const kinds = node.kinds ? ` <small>${node.kinds.map((k) => `${esc(k.label)} ${esc(k.cpus)}`).join(', ')}</small>` : '';
      nodes += `<div class="node"><h3>node ${node.id}${kinds}</h3>${nodeSvg(map, i, colours)}<div class="res">${pools}${mem}</div></div>`;
    });
    const legend = map.guests
      .map((g, i) => `<li class="g-${i}"><span class="sw" style="background:${colours.get(g.file)}"></span><b>${esc(g.name)}</b> <small>${esc(g.file)}</small> — ${g.cpus.isEmpty ? 'not pinned' : `CPUs ${esc(g.cpus.toString())} on node${g.nodes.size === 1 ? '' : 's'} ${esc(g.nodes.toString())}`}</li>`)
      .join('');
    const findings = map.findings.length === 0
      ? '<p class="ok">no findings</p>'
      : `<ul class="findings">${map.findings.map((f) => `<li class="${f.severity}"><b>${esc(f.ruleId)}</b> <small>${esc(neutraliseLine(f.file))}:${f.line}:${f.column}</small>${shortMessage(neutraliseLine(f.message))}</li>`).join('')}</ul>`;
    hosts += `<section class="host"><h2>${esc(map.name)} <small>${esc(map.path)}</small></h2><div class="cols"><div class="nodes">${nodes}</div><aside><h3>guests</h3><ul class="legend">${legend}</ul><h3>findings (${map.findings.length})</h3>${findings}</aside></div></section>`;
  }
  const css = `
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:16px;color:#222;background:#fafafa}
h1{font-size:18px;margin:0 0 8px}h2{font-size:16px;margin:16px 0 8px}h3{font-size:13px;margin:8px 0 4px}small{color:#666;font-weight:normal}
.key{margin:0 0 12px}.key span{display:inline-block;margin-right:14px}.key i{display:inline-block;width:12px;height:12px;vertical-align:-2px;margin-right:4px;border:1px solid #888}
.host{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin-bottom:16px}
.cols{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}.nodes{flex:1 1 520px}aside{flex:0 1 420px;max-height:80vh;overflow:auto}
.node{margin-bottom:10px}svg{display:block}svg text{font-size:8px;text-anchor:middle;fill:#222;pointer-events:none}
.cpu rect{stroke:#888;stroke-width:1}.cpu.hk rect{stroke:#aaa}.cpu.conflict rect{stroke:#d00;stroke-width:3}
.cpu:hover rect{stroke:#000;stroke-width:2}
.res{display:flex;flex-wrap:wrap;gap:6px;margin-top:4px}.bar{position:relative;width:300px;height:16px;background:#eee;border-radius:3px;overflow:hidden}
.bar .fill{position:absolute;inset:0 auto 0 0;background:#7fb3d5}.bar.over .fill{background:#e06666}.bar span{position:relative;padding-left:4px;font-size:11px}
.legend,.findings{list-style:none;padding:0;margin:0}.legend li{margin:2px 0}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px;border:1px solid #666}
.findings li{margin:4px 0;padding:4px 6px;border-left:3px solid #999;background:#f6f6f6}.findings li.error{border-color:#d00}.findings li.warning{border-color:#e69138}.ok{color:#386}
`;
  const key = '<p class="key"><span><i style="background:#d9d9d9"></i>housekeeping CPU</span><span><i style="background:#fff"></i>isolated, free</span><span><i style="background:hsl(200,60%,60%)"></i>dedicated vCPU (guest colour)</span><span><i style="border:3px solid #d00"></i>conflict</span><span>hover a CPU for its threads</span></p>';
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${css}</style></head><body><h1>${esc(title)}</h1>${key}${hosts}</body></html>\n`;
}
