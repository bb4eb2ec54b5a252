import type { Log } from 'sarif';
import type { LintResult } from '../engine/types.js';
/** The OASIS schema the log conforms to (SARIF 2.1.0 errata 01, the `id` of the schema file). */
export declare const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** One run: kvmlint's rules, one result per diagnostic, every linted file as an artifact. */
export declare function buildSarifLog(result: LintResult): Log;
export declare function formatSarif(result: LintResult): string;
/** `meta.name` is meant to be PascalCase already; this only repairs a kebab or snake name. */
export declare function pascalCase(name: string): string;
