import { describe, expect, it } from 'vitest';
import { bodyAt, packBodies } from '../../src/archive/file-bodies.ts';
import { parseFile } from '../../src/ingest/parse-file.ts';

const FILE = [
  'date 2026-01-27 0',
  '',
  'Συναντήθηκαν οι υπουργοί Άμυνας',
  '',
  'Ο υπουργός Άμυνας της Κίνας, Ντονγκ Τζουν, συναντήθηκε με τον Αντρέι Μπελούσοφ.',
  '',
  'Στο Πεκίνο — «σήμερα» · 2,5% και emoji 🇬🇷.',
  '',
  'date 2026-01-27 1',
  '',
  'Δεύτερο άρθρο',
  '',
  'Μία παράγραφος μόνο.',
  '',
].join('\n');

describe('the bodies a build keeps for rendering', () => {
  const { articles } = parseFile(Buffer.from(FILE), 'a.txt');

  it("give back each article's paragraphs by its header line", () => {
    expect(articles).toHaveLength(2);
    const bodies = packBodies(articles);
    for (const article of articles) {
      expect(bodyAt(bodies, article.source.line)).toEqual(article.paragraphs);
    }
    expect(bodyAt(bodies, 9)).toEqual(['Μία παράγραφος μόνο.']);
  });

  it('are the texts one after another, nothing between or after them', () => {
    const many = [...articles, ...articles, articles[0]!];
    const texts = many.map((a) => a.paragraphs.join('\n'));
    const { bytes, ends } = packBodies(many);
    expect(Buffer.from(bytes).equals(Buffer.from(texts.join('')))).toBe(true);
    expect(ends).toEqual(texts.map((_, i) => Buffer.byteLength(texts.slice(0, i + 1).join(''))));
  });

  it('know no article at another line', () => {
    expect(bodyAt(packBodies(articles), 3)).toBeUndefined();
    expect(bodyAt(packBodies([]), 1)).toBeUndefined();
  });

  it('are bytes in a buffer of their own, which another thread can be handed', () => {
    const { bytes } = packBodies(articles);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(bytes, [bytes.buffer]);
    expect(bytes.byteLength).toBe(0);
    port1.close();
    port2.close();
  });
});
