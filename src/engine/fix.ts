import { parseXml } from '../xml/parse.ts';
import { lint, type LintOptions, type LintRun, type LintSession } from './runner.ts';
import type { Fix } from './types.ts';

export const MAX_FIX_PASSES = 10;

/**
 * ESLint's source-code-fixer: sort fixes by range, apply each one that starts
 * after the end of the last applied one, leave overlapping ones for the next
 * pass (when every rule has run again on the new text).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  let out = '';
  let at = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start <= lastEnd || start < 0 || end > text.length || end < start) continue;
    out += text.slice(at, start) + fix.text;
    at = end;
    lastEnd = end;
    applied.push(fix);
  }
  return { text: out + text.slice(at), applied };
}

export interface FixOutcome {
  /** The lint of the final texts: what remains after fixing. */
  run: LintRun;
  /** Absolute path → fixed text, for every file whose text changed. */
  fixed: Map<string, string>;
  /** Absolute path → text as first read. */
  originals: Map<string, string>;
  /** Absolute path → the encoding the file was read in, for files not in UTF-8 (as first read). */
  encodings: Map<string, string>;
  /** Files whose fixed text would not parse: left untouched (defensive; a correct fix never does this). */
  unparsable: string[];
  /** Files with fixes left unapplied because kvmlint does not read them as libvirt does (value-invalid, unreadable). */
  unreadable: string[];
  /** Absolute path → rule id → how many of its fixes were applied, over all passes (for `--fix` to say what it did). */
  appliedRules: Map<string, Map<string, number>>;
  passes: number;
}

/**
 * Lints, applies every safe fix, and lints again on the new texts, up to 10
 * passes, so fixes that depend on each other (or overlapped) converge.
 * Suggestions are never applied. Writes nothing: see writeFixedFile.
 */
export async function lintAndFix(options: LintOptions): Promise<FixOutcome> {
  const current = new Map<string, string>(options.overrides ?? []);
  const originals = new Map<string, string>();
  const session: LintSession = options.session ?? { hosts: new Map() };
  let run = await lint({ ...options, overrides: current, session });
  // Later passes lint texts, not bytes: the encodings are the first read's.
  const encodings = run.encodings;
  let passes = 0;
  const appliedRules = new Map<string, Map<string, number>>();
  const unreadableFiles = new Set<string>();
  while (passes < MAX_FIX_PASSES) {
    // Fixes by displayed file: the run's source text is the file's current text.
    const byFile = new Map<string, Fix[]>();
    const ruleOfFix = new Map<Fix, string>();
    for (const d of run.diagnostics) {
      if (!d.fix) continue;
      ruleOfFix.set(d.fix, d.ruleId);
      const list = byFile.get(d.file);
      if (list) list.push(d.fix);
      else byFile.set(d.file, [d.fix]);
    }
    // A file kvmlint does not read as libvirt does (a merged second <cputune>, `x:cpuset`, an element another namespace
    // hides) gets no fix: a fix computed from kvmlint's reading (an emulator moved off the vCPUs kvmlint sees) can land
    // on what libvirt reads there. Its finding says why; `kvmlint plan` refuses such a file too.
    const unreadable = new Set(run.diagnostics.filter((d) => d.ruleId === 'value-invalid' && d.messageId === 'unreadable').map((d) => d.file));
    let changed = false;
    for (const [file, fixes] of byFile) {
      const abs = run.absPaths.get(file);
      const before = run.sources.get(file);
      if (abs === undefined || before === undefined) continue;
      if (unreadable.has(file)) {
        if (!originals.has(abs)) unreadableFiles.add(abs);
        continue;
      }
      if (!originals.has(abs)) originals.set(abs, before);
      const { text: after, applied } = applyFixes(before, fixes);
      if (after !== before) {
        current.set(abs, after);
        changed = true;
        let counts = appliedRules.get(abs);
        if (!counts) appliedRules.set(abs, (counts = new Map()));
        for (const fix of applied) {
          const id = ruleOfFix.get(fix)!;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
    }
    if (!changed) break;
    passes++;
    run = await lint({ ...options, overrides: current, session });
  }
  const fixed = new Map<string, string>();
  const unparsable: string[] = [];
  for (const [abs, text] of current) {
    const original = originals.get(abs);
    if (original === undefined || text === original) continue;
    if (parseXml(text).error) unparsable.push(abs);
    else fixed.set(abs, text);
  }
  return { run, fixed, originals, encodings, unparsable, unreadable: [...unreadableFiles], passes, appliedRules };
}
