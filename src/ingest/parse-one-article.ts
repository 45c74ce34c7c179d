/**
 * One article of a file, parsed from its own lines: what rendering an old article's page needs.
 * Parsing the whole file instead (a day of 30 articles, some 150 kB) took 3.6–8 ms, most of it
 * making the file's text, and a day of news re-renders old articles from a hundred files.
 *
 * Pure, like parse-file.ts. The caller checks the result against what it knows of the article
 * (its text's hash) and parses the whole file when they differ: the lines given may not hold
 * the article whole, or the file may not be UTF-8, whose line ends are the only ones found here.
 */
import type { SourceArticle } from '../model.ts';
import { decode } from './decode.ts';
import { parseArticles } from './parse-articles.ts';

const LF = 0x0a;
const CR = 0x0d;

/**
 * The article whose header is on line `from` (1-based) of a UTF-8 file's bytes, parsed from
 * lines `from` up to `to` (excluded; the end of the file when undefined); undefined when those
 * lines do not start with an article that parses.
 */
export function parseOneArticle(
  bytes: Uint8Array,
  file: string,
  from: number,
  to: number | undefined,
): SourceArticle | undefined {
  const start = lineOffset(bytes, 0, 1, from);
  if (start === undefined) return undefined;
  const end =
    to === undefined ? bytes.length : (lineOffset(bytes, start, from, to) ?? bytes.length);
  const decoded = decode(bytes.subarray(start, end));
  if (decoded.error) return undefined;
  const first = parseArticles(decoded.text, file).articles[0];
  if (first?.source.line !== 1) return undefined;
  return { ...first, source: { file, line: from } };
}

/**
 * Where line `line` starts, counting from `offset`, the start of line `at`. Line ends are those
 * the parser splits on: CR LF, a lone CR, LF.
 */
function lineOffset(
  bytes: Uint8Array,
  offset: number,
  at: number,
  line: number,
): number | undefined {
  let position = offset;
  for (let current = at; current < line; current++) {
    let i = position;
    while (i < bytes.length && bytes[i] !== LF && bytes[i] !== CR) i++;
    if (i === bytes.length) return undefined;
    position = bytes[i] === CR && bytes[i + 1] === LF ? i + 2 : i + 1;
  }
  return position;
}
