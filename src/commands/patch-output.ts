/** How `--fix-dry-run` and `kvmlint plan` print a patch of a file that is not in UTF-8 (src/engine/source.ts). */
import type { CliIo } from '../cli.ts';
import { encodeXmlText } from '../engine/source.ts';

export { fixRefusalForEncoding as encodingRefusal } from '../engine/source.ts';

/**
 * A patch on stdout. Piped, it is in the file's own encoding, as `git diff` shows a file's bytes, so
 * `git apply` and `patch` match a Latin-1 file's context lines; on a terminal it is text to read.
 */
export function writePatch(io: CliIo, text: string, encoding: string): void {
  const bytes = encoding !== 'utf-8' && !io.isTTY && io.stdoutBytes ? encodeXmlText(text, encoding) : undefined;
  if (bytes) io.stdoutBytes!(bytes);
  else io.stdout(text);
}
