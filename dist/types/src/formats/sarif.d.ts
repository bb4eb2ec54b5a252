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
/**
 * Plain text for a SARIF message (`message.text`). SARIF 2.1.0 §3.11.6 reads `[text](N)` in it as an embedded link
 * to the result's relatedLocations (or `[text](uri)` to a URI), and viewers such as GitHub code scanning render it:
 * a value a pull request wrote (an attribute value, an element or file name) must not form one. A literal `[` or
 * `]` is written `\[` or `\]` and a literal backslash `\\`, as §3.11.6 says; a viewer shows the text as it was.
 * kvmlint's messages carry no embedded link of their own, so the whole text is escaped. Where one is ever wanted, it
 * goes around an escaped text: `[${sarifText(label)}](${index})`.
 */
export declare function sarifText(text: string): string;
/** One run: kvmlint's rules, one result per diagnostic, every linted file as an artifact. */
export declare function buildSarifLog(result: LintResult): Log;
export declare function formatSarif(result: LintResult): string;
/** `meta.name` is meant to be PascalCase already; this only repairs a kebab or snake name. */
export declare function pascalCase(name: string): string;
