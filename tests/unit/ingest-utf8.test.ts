import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValidUtf8 } from '../../src/ingest/utf8.ts';

describe('decodeValidUtf8', () => {
  it('gives the text Node gives, for any valid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(decodeValidUtf8(bytes)).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads one, two, three and four byte sequences, inside a larger buffer too', () => {
    const text = 'a Ά € 𝐀 😀 ΑΜΥΝΑ';
    const padded = Buffer.concat([Buffer.from('xx'), Buffer.from(text), Buffer.from('yy')]);
    expect(decodeValidUtf8(padded.subarray(2, padded.length - 2))).toBe(text);
    expect(decodeValidUtf8(Buffer.from('plain ASCII'))).toBe('plain ASCII');
    expect(decodeValidUtf8(new Uint8Array(0))).toBe('');
  });

  it('reads a file larger than the buffer it keeps', () => {
    const text = 'Η κυβέρνηση 😀 '.repeat(100_000);
    expect(decodeValidUtf8(Buffer.from(text))).toBe(text);
  });
});
