// eslint-formatter-friendly ships no types; this is the subset kvmlint uses (index.js of 7.0.0).
declare module 'eslint-formatter-friendly' {
  namespace friendly {
    interface Message {
      ruleId: string;
      /** ESLint's scale: 1 warning, 2 error. */
      severity: 1 | 2;
      message: string;
      line: number;
      column: number;
      endLine?: number;
      endColumn?: number;
      /** Printed instead of the result's `filePath` (index.js copies the message over it). */
      filePath?: string;
    }
    interface FileResult {
      filePath: string;
      /** When absent or empty the formatter reads `filePath` from disk. */
      source: string;
      messages: Message[];
    }
  }
  function friendly(results: friendly.FileResult[]): string;
  export = friendly;
}
