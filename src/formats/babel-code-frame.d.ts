// @babel/code-frame ships no types; kvmlint uses only the function eslint-formatter-friendly calls.
declare module '@babel/code-frame' {
  const codeFrame: {
    codeFrameColumns(rawLines: string, loc: { start: { line: number; column?: number } }, opts?: Record<string, unknown>): string;
  };
  export default codeFrame;
}
