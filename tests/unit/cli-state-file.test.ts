import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readState,
  readStateAhead,
  writePending,
  writeStateAhead,
} from '../../src/cli/build-state.ts';
import { decodeState, readStateBytes, writeStateFile } from '../../src/cli/state-file.ts';
import { PageFingerprints } from '../../src/site/page-fingerprints.ts';

const folders: string[] = [];

function tempFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'ephemeris-state-file-'));
  folders.push(folder);
  return path.join(folder, 'state.bin');
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A value with arrays of every kind and length, at odd offsets of larger buffers. */
function sample() {
  const odd = new Uint8Array(41).map((_, i) => i * 7);
  return {
    format: 9,
    text: 'Ημερομηνία και ώρα',
    nested: [{ a: 1, b: [2, 3] }, new Map([['κλειδί', 'τιμή']]), new Set([1, 2])],
    empty: new Uint8Array(0),
    odd: odd.subarray(3, 38),
    buffer: Buffer.from('Καλημέρα\u0000κόσμε', 'utf16le'),
    int8: Int8Array.from([-128, 0, 127]),
    uint16: Uint16Array.from([0, 65535, 913]),
    int16: Int16Array.from([-32768, 32767]),
    uint32: Uint32Array.from([0, 4294967295]),
    int32: new Int32Array(new Int32Array([9, -1, 2 ** 31 - 1, -(2 ** 31), 5]).buffer, 4, 3),
    float32: Float32Array.from([1.5, -0.25]),
    float64: new Float64Array(new Float64Array([0, Math.PI, -1e300, Number.NaN]).buffer, 8, 3),
    big: BigInt64Array.from([-(2n ** 63n), 2n ** 63n - 1n]),
    bigU: BigUint64Array.from([2n ** 64n - 1n]),
    files: Array.from({ length: 1_500 }, (_, i) => ({
      file: `articles/${i}.txt`,
      numbers: Int32Array.from({ length: i % 5 }, (_, k) => i * k),
      scores: Float64Array.from({ length: i % 3 }, (_, k) => i / (k + 1)),
    })),
  };
}

describe('the state file', () => {
  it('gives back the value written, arrays of each kind with their contents and types', async () => {
    const file = tempFile();
    const value = sample();
    await writeStateFile(file, value);
    const read = decodeState(await readStateBytes(file)) as ReturnType<typeof sample>;
    expect(read).toEqual(value);
    // toEqual does not tell a Buffer from a Uint8Array, nor the kinds of typed array apart.
    const kinds = (v: object) =>
      Object.entries(v).map(([key, x]: [string, unknown]) => [key, (x as object).constructor.name]);
    expect(kinds(read)).toEqual(kinds(value));
    expect(kinds(read).filter(([, kind]) => kind === 'Buffer')).toEqual([['buffer', 'Buffer']]);
    expect(read.files.map((f) => [f.numbers.constructor, f.scores.constructor])).toEqual(
      value.files.map(() => [Int32Array, Float64Array]),
    );
  });

  it('reads arrays that its bytes hold at any offset of their buffer', async () => {
    const file = tempFile();
    await writeStateFile(file, sample());
    const bytes = readFileSync(file);
    // The same bytes one position into a larger buffer: views would be misaligned.
    for (const shift of [1, 2, 4]) {
      const shifted = Buffer.alloc(bytes.length + shift);
      bytes.copy(shifted, shift);
      const read = decodeState(shifted.subarray(shift)) as ReturnType<typeof sample>;
      expect(read).toEqual(sample());
      expect(read.float64).toBeInstanceOf(Float64Array);
    }
  });

  it('refuses a file of another format, and a file cut short', async () => {
    const file = tempFile();
    writeFileSync(file, serialize({ format: 8 }));
    expect(() => decodeState(readFileSync(file))).toThrow(/not a state file/);
    await writeStateFile(file, sample());
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 9));
    expect(() => decodeState(readFileSync(file))).toThrow(/cut short/);
  });

  it('reads the bytes of a file as they are, and a missing file as an error', async () => {
    const file = tempFile();
    await writeStateFile(file, sample());
    expect((await readStateBytes(file)).equals(readFileSync(file))).toBe(true);
    await expect(readStateBytes(`${file}.missing`)).rejects.toThrow(/ENOENT/);
  });
});

describe('writing the build state ahead of its pages', () => {
  const state = (inputs: string) => ({
    content: { analysisKey: 'a', textKey: 't', writtenAt: 1, files: [] },
    inputs,
    pages: new PageFingerprints(['/2026/01/27/'], Int32Array.of(0x01234567, 0x89abcdef | 0)),
    pending: [],
  });
  const others = (file: string) =>
    readdirSync(path.dirname(file)).filter((entry) => entry !== path.basename(file));

  it('replaces the state only when committed, and clears what was pending', async () => {
    const file = tempFile();
    await writeStateAhead(file, state('before')).commit();
    writePending(file, ['/2026/01/27/']);
    const write = writeStateAhead(file, state('after'));
    const interrupted = await readState(file);
    expect(interrupted?.inputs).toBe('');
    expect(interrupted?.pages.size).toBe(0);
    expect(interrupted?.pending).toEqual(['/2026/01/27/']);
    await write.commit();
    expect(await readState(file)).toEqual({ format: expect.any(Number), ...state('after') });
    expect(others(file)).toEqual([]);
  });

  it('leaves the previous state when abandoned', async () => {
    const file = tempFile();
    await writeStateAhead(file, state('before')).commit();
    await writeStateAhead(file, state('after')).abandon();
    expect((await readState(file))?.inputs).toBe('before');
    expect(others(file)).toEqual([]);
  });

  it("deletes a killed build's unfinished state, and not a running one's", async () => {
    const file = tempFile();
    const dead = `${file}.999999999.tmp`;
    const running = `${file}.${process.ppid}.tmp`;
    writeFileSync(dead, 'half a state');
    writeFileSync(running, 'half a state');
    await writeStateAhead(file, state('after')).commit();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});

describe('reading the build state ahead', () => {
  const state = {
    content: { analysisKey: 'a', textKey: 't', writtenAt: 1, files: [] },
    inputs: 'inputs',
    pages: new PageFingerprints(['/2026/01/27/'], Int32Array.of(0x01234567, 0x89abcdef | 0)),
    pending: [],
  };

  it('gives the state that reading it when asked gives', async () => {
    const file = tempFile();
    await writeStateAhead(file, state).commit();
    void readStateAhead(file);
    const ahead = await readState(file);
    expect(ahead).toEqual({ format: expect.any(Number), ...state });
    expect(await readState(file)).toEqual(ahead);
  });

  it('takes the bytes read ahead, once; a missing state is none', async () => {
    const file = tempFile();
    await writeStateAhead(file, state).commit();
    await readStateAhead(file);
    rmSync(file);
    expect(await readState(file)).toEqual({ format: expect.any(Number), ...state });
    expect(await readState(file)).toBeUndefined();
    await readStateAhead(file);
    expect(await readState(file)).toBeUndefined();
  });
});
