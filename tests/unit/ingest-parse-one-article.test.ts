/** One article parsed from its own lines (ingest/parse-one-article.ts) equals it parsed whole. */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest/parse-file.ts';
import { parseOneArticle } from '../../src/ingest/parse-one-article.ts';

const FILE = 'articles/day.txt';

/** Three articles and a rejected one, with a BOM, CR LF, a lone CR and Greek text. */
const TEXT =
  '\uFEFFdate 2026-01-27 0\r\n\r\nΣεισμός στην Κρήτη\r\n\r\nΠρώτη παράγραφος\r\nσε δύο γραμμές.\r\n\r\nΔεύτερη.\r\n' +
  '  date 2026-01-27 1\n\nΒροχές στην Αθήνα\n\nΚείμενο με\tκενά.\r' +
  '\rΑκόμη μία.\n' +
  'date 2026-02-30 2\n\nΆκυρη ημερομηνία\n\nΚείμενο.\n' +
  'date 2026-01-27 3\n\nΤελευταίο\n\nΤέλος του αρχείου.';

const bytes = new TextEncoder().encode(TEXT);
const whole = parseFile(bytes, FILE);
const headers = [
  ...whole.articles.map((a) => a.source.line),
  ...whole.rejectedArticles.map((r) => r.line),
].sort((a, b) => a - b);

describe('parseOneArticle', () => {
  it('gives each article of a file as the whole file gives it', () => {
    expect(whole.articles).toHaveLength(3);
    for (const article of whole.articles) {
      const next = headers.find((h) => h > article.source.line);
      expect(parseOneArticle(bytes, FILE, article.source.line, next)).toEqual(article);
    }
  });

  it('reads to the end of the file without a next header, and past one it was not told of', () => {
    const [first, second] = whole.articles;
    expect(parseOneArticle(bytes, FILE, first!.source.line, undefined)).toEqual(first);
    expect(parseOneArticle(bytes, FILE, second!.source.line, undefined)).toEqual(second);
  });

  it('gives another text when the lines end inside the article', () => {
    const first = whole.articles[0]!;
    const cut = parseOneArticle(bytes, FILE, first.source.line, first.source.line + 5);
    expect(cut?.paragraphs).not.toEqual(first.paragraphs);
  });

  it('gives nothing for a line that is not a header or past the end', () => {
    expect(parseOneArticle(bytes, FILE, 3, undefined)).toBeUndefined();
    expect(parseOneArticle(bytes, FILE, 999, undefined)).toBeUndefined();
  });
});
