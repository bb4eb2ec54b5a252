import type { Fix as SarifFix, Log, ReportingDescriptor, Result } from 'sarif';
import type { Diagnostic, Fix, LintResult, RuleDoc, Severity } from '../engine/types.ts';
import { HOMEPAGE, VERSION } from '../version.ts';
import { ArtifactTable, RegionFinder, rootUri, SRCROOT } from './sarif-location.ts';
import { escapeJsonControls } from './neutralise.ts';

/** The OASIS schema the log conforms to (SARIF 2.1.0 errata 01, the `id` of the schema file). */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Results one run holds at most: GitHub code scanning's limit for a run (its "SARIF results per run",
 * 25,000; it refuses or cuts a larger upload). A file a pull request floods with 200,000 findings would
 * otherwise make a log of gigabytes, or no log at all (a JavaScript string holds ~512 MiB). The errors are
 * kept first, then the warnings, then the notes; the run says how many were left out.
 */
export const MAX_SARIF_RESULTS = 25_000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The diagnostics a run holds: all of them, or the first MAX_SARIF_RESULTS by severity, in report order within one. */
function keptDiagnostics(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (diagnostics.length <= MAX_SARIF_RESULTS) return diagnostics;
  const byRank: Diagnostic[][] = [[], [], []];
  for (const d of diagnostics) byRank[RANK[d.severity]]!.push(d);
  return byRank.flat().slice(0, MAX_SARIF_RESULTS);
}

/**
 * Plain text for a SARIF message (`message.text`). SARIF 2.1.0 §3.11.6 reads `[text](N)` in it as an embedded link
 * to the result's relatedLocations (or `[text](uri)` to a URI), and viewers such as GitHub code scanning render it:
 * a value a pull request wrote (an attribute value, an element or file name) must not form one. A literal `[` or
 * `]` is written `\[` or `\]` and a literal backslash `\\`, as §3.11.6 says; a viewer shows the text as it was.
 * kvmlint's messages carry no embedded link of their own, so the whole text is escaped. Where one is ever wanted, it
 * goes around an escaped text: `[${sarifText(label)}](${index})`.
 */
export function sarifText(text: string): string {
  return /[[\]\\]/.test(text) ? text.replace(/[[\]\\]/g, '\\$&') : text;
}

/** One run: kvmlint's rules, one result per diagnostic, every linted file as an artifact. */
export function buildSarifLog(result: LintResult): Log {
  const artifacts = new ArtifactTable(result.root, result.cwd);
  // Every linted file is an artifact, even those without findings, in the order they were linted.
  for (const file of result.files) artifacts.location(file, ['analysisTarget']);
  const regions = new RegionFinder(result.sources);
  const ruleIndex = new Map(result.rules.map((doc, i) => [doc.meta.id, i]));

  const kept = keptDiagnostics(result.diagnostics);
  const leftOut = result.diagnostics.length - kept.length;
  const notes = [
    // File names and parser messages from the pull request's files: escaped as every message is.
    ...(result.executionNotes ?? []).map((text) => ({ level: 'error' as const, message: { text: sarifText(text) } })),
    ...(leftOut > 0
      ? [{ level: 'warning' as const, message: { text: `${leftOut} of ${result.diagnostics.length} results left out: a run holds at most ${MAX_SARIF_RESULTS} (GitHub code scanning's limit), errors first; the text and JSON formats list all` } }]
      : []),
  ];
  const results = kept.map((d): Result => {
    const index = ruleIndex.get(d.ruleId);
    const artifactLocation = artifacts.location(d.file);
    const fixes = fixesOf(d).map(({ description, fix }): SarifFix => ({
      description: { text: sarifText(description) },
      artifactChanges: [
        {
          artifactLocation,
          replacements: [
            {
              deletedRegion: regions.region(d.file, fix.range[0], fix.range[1]),
              // A pure deletion has no inserted content.
              ...(fix.text ? { insertedContent: { text: fix.text } } : {}),
            },
          ],
        },
      ],
    }));
    return {
      ruleId: d.ruleId,
      // A diagnostic from a rule that was not run (none today) simply carries no index.
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[d.severity],
      message: { text: sarifText(d.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: d.line,
              startColumn: d.column,
              endLine: d.endLine,
              endColumn: d.endColumn,
              charOffset: d.range.start,
              charLength: d.range.end - d.range.start,
            },
          },
        },
      ],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((r, i) => ({
              id: i,
              message: { text: sarifText(r.message) },
              physicalLocation: {
                artifactLocation: artifacts.location(r.file),
                region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn, charOffset: r.range.start, charLength: r.range.end - r.range.start },
              },
            })),
          }
        : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
      ...(d.messageId !== undefined || d.help !== undefined
        ? { properties: { ...(d.messageId !== undefined ? { messageId: d.messageId } : {}), ...(d.help !== undefined ? { help: d.help } : {}) } }
        : {}),
    };
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kvmlint',
            version: VERSION,
            informationUri: HOMEPAGE,
            rules: result.rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        artifacts: artifacts.artifacts,
        invocations: [
          {
            executionSuccessful: result.executionSuccessful,
            // A refused file is not in `results` at all: code scanning would show a clean run without this.
            ...(notes.length > 0 ? { toolExecutionNotifications: notes } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(result: LintResult): string {
  return `${escapeJsonControls(JSON.stringify(buildSarifLog(result), null, 2))}\n`;
}

function ruleDescriptor(doc: RuleDoc): ReportingDescriptor {
  const { meta } = doc;
  return {
    id: meta.id,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.summary },
    fullDescription: { text: doc.fullDescription },
    help: { text: doc.helpText, markdown: doc.helpMarkdown },
    helpUri: doc.helpUri,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [...meta.tags] },
  };
}

/** `meta.name` is meant to be PascalCase already; this only repairs a kebab or snake name. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** The safe fix (what `--fix` applies) first, then each suggestion a person may choose. */
function fixesOf(d: Diagnostic): { description: string; fix: Fix }[] {
  const fixes = d.fix ? [{ description: `Safe fix (applied by kvmlint --fix): ${d.help ?? d.message}`, fix: d.fix }] : [];
  for (const s of d.suggestions ?? []) fixes.push({ description: s.message, fix: s.fix });
  return fixes;
}
