import type { Range, XmlComment, XmlDocument } from '../xml/types.js';
import type { Diagnostic } from './types.js';
export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';
/**
 * An inline directive in an XML comment (design.md §4), ESLint's model:
 *   <!-- kvmlint-disable-next-line rule-a rule-b: reason -->  the next element's start tag
 *   <!-- kvmlint-disable rule-a -->  ...  <!-- kvmlint-enable rule-a -->
 *   <!-- kvmlint-disable-file -->
 * No rule list means every rule. (No `--` in the reason: it makes the XML malformed.)
 */
export interface Directive {
    kind: DirectiveKind;
    /** undefined: all rules. */
    rules: string[] | undefined;
    reason: string | undefined;
    comment: XmlComment;
    /** disable-next-line: the start tag it covers (undefined when no element follows). */
    target: Range | undefined;
}
export declare function parseDirectives(doc: XmlDocument): Directive[];
export interface DirectiveOutcome {
    kept: Diagnostic[];
    /** Directives (and rule names in them) that suppressed nothing. */
    unused: Array<{
        directive: Directive;
        rules: string[] | undefined;
    }>;
}
/** Filters one file's findings through its directives. */
export declare function applyDirectives(diagnostics: readonly Diagnostic[], directives: readonly Directive[]): DirectiveOutcome;
