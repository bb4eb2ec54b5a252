import type { Log } from 'sarif';
import type { LintResult } from '../engine/types.js';
/** The OASIS schema the log conforms to (SARIF 2.1.0 errata 01, the `id` of the schema file). */
export declare const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/**
 * Results one run holds at most: GitHub code scanning's limit for a run (its "SARIF results per run",
 * 25,000; it refuses or cuts a larger upload). A file a pull request floods with 200,000 findings would
 * otherwise make a log of gigabytes, or no log at all (a JavaScript string holds ~512 MiB). The errors are
 * kept first, then the warnings, then the notes; the run says how many were left out.
 */
export declare const MAX_SARIF_RESULTS = 25000;
/** One run: kvmlint's rules, one result per diagnostic, every linted file as an artifact. */
export declare function buildSarifLog(result: LintResult): Log;
export declare function formatSarif(result: LintResult): string;
/** `meta.name` is meant to be PascalCase already; this only repairs a kebab or snake name. */
export declare function pascalCase(name: string): string;
