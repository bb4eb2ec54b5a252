import type { Range, XmlComment, XmlDocument } from '../xml/types.js';
import type { Diagnostic } from './types.js';
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
/**
 * An inline directive in an XML comment (design.md §4), ESLint's model:
 *   <!-- kvmlint-disable-next-line rule-a rule-b: reason -->  the next element
 *   <x .../> <!-- kvmlint-disable-line rule-a -->            the first element starting on the comment's line
 *   <!-- kvmlint-disable rule-a -->  ...  <!-- kvmlint-enable rule-a -->
 *   <!-- kvmlint-disable-file -->
 * The element a line directive covers is its start tag, and for an element without child elements
 * (`<memory unit='GiB'>16</memory>`) its text and end tag too: a finding on a value is on its line.
 * No rule list means every rule. (No `--` in the reason: it makes the XML malformed.)
 */
export interface Directive {
    kind: DirectiveKind;
    /** undefined: all rules. */
    rules: string[] | undefined;
    reason: string | undefined;
    comment: XmlComment;
    /** disable-next-line and disable-line: the element range it covers (undefined when there is none). */
    target: Range | undefined;
}
/**
 * Findings no directive or `<metadata>` suppression silences: a file kvmlint cannot read as libvirt does
 * (malformed, a copy libvirt merges, an element in another namespace), and the reports that a directive
 * itself is misspelt or names no rule, which exist so that a suppression cannot pass unseen.
 */
export declare function cannotBeSuppressed(d: Diagnostic): boolean;
/** The comments that start like a directive but are none: they silence nothing, which must not pass unseen. */
export declare function unknownDirectives(doc: XmlDocument): Array<{
    comment: XmlComment;
    word: string;
}>;
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
