import path from 'node:path';
import type { Diagnostic, Fix, LintResult, RuleDoc, RuleMeta, Severity } from '../../src/engine/types.ts';
import { LineIndex } from '../../src/xml/lines.ts';
import { VERSION } from '../../src/version.ts';

/** A pinned database guest. CRLF line ends and an astral character before a finding on its line,
 *  so UTF-16 columns and line counting are exercised, not just ASCII `\n` text. */
export const DB_XML = [
  `<domain type='kvm'>`,
  `  <name>db01</name>`,
  `  <memory unit='GiB'>16</memory>`,
  `  <vcpu placement='static'>4</vcpu>`,
  `  <cputune>`,
  `    <!-- 🚀 latency --><vcpupin vcpu='0' cpuset='0'/>`,
  `    <vcpupin vcpu='1' cpuset='9'/>`,
  `  </cputune>`,
  `  <numatune>`,
  `    <memory mode='strict' nodeset='0'/>`,
  `  </numatune>`,
  `</domain>`,
  ``,
].join('\r\n');

export const WEB_XML = `<domain type='kvm'>
  <name>web01</name>
  <memory unit='KiB'>4194304</memory>
  <vcpu placement='static' cpuset='0-3,^8'>2</vcpu>
</domain>
`;

export const IDLE_XML = `<domain type='kvm'>
  <name>idle</name>
  <memory unit='MiB'>512</memory>
  <vcpu>1</vcpu>
</domain>
`;

/** Nothing here exists on disk: a formatter that reads files would fail. */
export const ROOT = path.resolve('/srv/kvm-config-does-not-exist');
export const DB_FILE = 'guests/db 01.xml';
export const WEB_FILE = 'guests/web01.xml';
export const IDLE_FILE = 'guests/idle.xml';
/** Named relative to the cwd but outside the root. */
export const OUTSIDE_FILE = '../elsewhere/legacy.xml';

/** Range, line and column of the `occurrence`-th match of `needle`, as the engine reports them. */
export function locate(text: string, needle: string, occurrence = 1) {
  let start = -1;
  for (let i = 0; i < occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`fixture text has no occurrence ${occurrence} of ${needle}`);
  }
  const end = start + needle.length;
  const lines = new LineIndex(text);
  const from = lines.position(start);
  const to = lines.position(end);
  return { range: { start, end }, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export function diagnostic(
  file: string,
  text: string,
  needle: string,
  fields: { ruleId: string; severity: Severity; message: string; fix?: Fix; suggestions?: Diagnostic['suggestions'] },
): Diagnostic {
  return { ...fields, file, ...locate(text, needle) };
}

/** A fix replacing the first `needle` in `text`. */
export function fixAt(text: string, needle: string, replacement: string): Fix {
  const { range } = locate(text, needle);
  return { range: [range.start, range.end], text: replacement };
}

/** A zero-width fix: insert right after `anchor`. */
export function insertAfter(text: string, anchor: string, inserted: string): Fix {
  const { range } = locate(text, anchor);
  return { range: [range.end, range.end], text: inserted };
}

function ruleDoc(meta: Omit<RuleMeta, 'type' | 'needs' | 'hasSuggestions'> & Partial<RuleMeta>, readme: string): RuleDoc {
  const full: RuleMeta = { type: 'problem', needs: 'domain', hasSuggestions: false, ...meta };
  return {
    meta: full,
    fullDescription: readme.split('\n\n')[1]!,
    helpMarkdown: readme,
    helpText: readme.replace(/[#`*]/g, ''),
    helpUri: `https://github.com/kvmlint/kvmlint/blob/v${VERSION}/rules/${meta.id}/README.md`,
  };
}

export const RULES: RuleDoc[] = [
  ruleDoc(
    {
      id: 'cpuset-syntax',
      name: 'CpusetSyntax',
      severity: 'error',
      fixable: true,
      summary: 'A cpuset is not valid libvirt cpuset syntax.',
      tags: ['pinning', 'syntax'],
    },
    "# cpuset-syntax\n\nlibvirt rejects a `cpuset` it cannot parse (`virBitmapParse` in `virbitmap.c`).\n\n## Fix\n\nWrite ranges as `0-3` and exclusions as `^2`.",
  ),
  ruleDoc(
    {
      id: 'housekeeping-overlap',
      // Not PascalCase on purpose: SARIF `rules[].name` must still come out as HousekeepingOverlap.
      name: 'housekeeping-overlap',
      severity: 'warning',
      hasSuggestions: true,
      fixable: false,
      summary: "A pinned vCPU can run on the host's housekeeping CPUs.",
      tags: ['pinning', 'isolation'],
    },
    '# housekeeping-overlap\n\nvCPUs pinned to housekeeping CPUs share them with IRQs and kernel threads.\n\n## Fix\n\nPin to isolated CPUs.',
  ),
  ruleDoc(
    {
      id: 'pin-crosses-nodeset',
      name: 'PinCrossesNodeset',
      severity: 'error',
      fixable: false,
      summary: 'A vCPU is pinned outside the NUMA nodes its memory is bound to.',
      tags: ['numa', 'pinning'],
    },
    '# pin-crosses-nodeset\n\nA vCPU on another node than its memory pays remote-access latency on every miss.\n\n## Fix\n\nPin within the nodeset.',
  ),
  ruleDoc(
    {
      id: 'missing-emulatorpin',
      name: 'MissingEmulatorpin',
      severity: 'info',
      fixable: true,
      summary: 'Pinned vCPUs without an emulatorpin.',
      tags: ['pinning'],
    },
    "# missing-emulatorpin\n\nQEMU's emulator threads float over every CPU the vCPUs may use.\n\n## Fix\n\nAdd `<emulatorpin cpuset='…'/>`.",
  ),
];

/** Findings on three files (one outside the root), one clean file, fixes and suggestions of every shape. */
export function sampleResult(): LintResult {
  const diagnostics: Diagnostic[] = [
    diagnostic(DB_FILE, DB_XML, "cpuset='0'", {
      ruleId: 'housekeeping-overlap',
      severity: 'warning',
      message: 'vCPU 0 is pinned to CPU 0, a housekeeping CPU.',
      suggestions: [
        { message: "pin vCPU 0 to CPU 4 instead: set cpuset='4'", fix: fixAt(DB_XML, "cpuset='0'", "cpuset='4'") },
        { message: 'remove the pin', fix: fixAt(DB_XML, "<vcpupin vcpu='0' cpuset='0'/>", '') },
      ],
    }),
    diagnostic(DB_FILE, DB_XML, "<vcpupin vcpu='1' cpuset='9'/>", {
      ruleId: 'pin-crosses-nodeset',
      severity: 'error',
      message: 'vCPU 1 is pinned to CPU 9, which is on node 1, but memory is bound to node 0.',
    }),
    diagnostic(DB_FILE, DB_XML, '<cputune>', {
      ruleId: 'missing-emulatorpin',
      severity: 'info',
      message: 'The vCPUs are pinned but the emulator threads are not.',
      fix: insertAfter(DB_XML, '<cputune>', "\r\n    <emulatorpin cpuset='0-1'/>"),
    }),
    diagnostic(WEB_FILE, WEB_XML, "cpuset='0-3,^8'", {
      ruleId: 'cpuset-syntax',
      severity: 'error',
      message: 'cpuset excludes CPU 8, which it never included.',
      fix: fixAt(WEB_XML, "'0-3,^8'", "'0-3'"),
    }),
    diagnostic(OUTSIDE_FILE, WEB_XML, "<vcpu placement='static' cpuset='0-3,^8'>", {
      ruleId: 'pin-crosses-nodeset',
      severity: 'warning',
      message: 'vCPUs may run on CPUs 0-3 but memory is bound elsewhere.',
    }),
  ];
  return {
    diagnostics,
    files: [DB_FILE, WEB_FILE, IDLE_FILE, OUTSIDE_FILE],
    sources: new Map([
      [DB_FILE, DB_XML],
      [WEB_FILE, WEB_XML],
      [IDLE_FILE, IDLE_XML],
      [OUTSIDE_FILE, WEB_XML],
    ]),
    rules: RULES,
    root: ROOT,
    cwd: ROOT,
    executionSuccessful: true,
  };
}
