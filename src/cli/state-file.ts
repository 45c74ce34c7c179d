/**
 * The state file's bytes: a value by V8's serialiser, except that its byte arrays (nearly all
 * of a packed state) are written after it as they are, each one where its offset is a multiple
 * of 8, and come back as views of the bytes read.
 *
 * `v8.serialize` copies every byte array into one buffer that it grows as it goes: 0.9–1.1 s
 * for the 148 MB state of 100,000 articles, against 0.15–0.2 s for the same state written
 * from the arrays themselves (and 0.6–0.7 s instead of 0.7–0.9 s to read it back).
 *
 * Layout: `MAGIC`, then as 32-bit little-endian words the length of the serialised value and
 * the number of arrays; the serialised value; padding to 8; per array its offset from the end
 * of this table and its length in bytes, as 64-bit floats; the arrays, each padded to 8.
 */
import { Buffer } from 'node:buffer';
import { open } from 'node:fs/promises';
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';

const MAGIC = Buffer.from('ephemeris-state\n', 'latin1');
const ALIGN = 8;
/** Buffers per `writev`: IOV_MAX is 1024 on Linux. */
const WRITEV_MAX = 1024;

/** The kinds of typed array a state may hold, by their number in the file (after `Buffer`, 0). */
const TYPED_ARRAYS = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigUint64Array,
  BigInt64Array,
] as const;
const BUFFER = 0;

function padding(length: number): number {
  return (ALIGN - (length % ALIGN)) % ALIGN;
}

/** V8's serialiser, which hands byte arrays to `_writeHostObject`: here, to write later. */
class ArraySerializer extends DefaultSerializer {
  readonly arrays: ArrayBufferView[] = [];

  _writeHostObject(view: ArrayBufferView): void {
    const typed = TYPED_ARRAYS.findIndex((T) => view instanceof T);
    if (typed < 0) throw new TypeError(`state: cannot store a ${view.constructor.name}`);
    this.writeUint32(Buffer.isBuffer(view) ? BUFFER : typed + 1);
    this.writeUint32(this.arrays.length);
    this.arrays.push(view);
  }
}

class ArrayDeserializer extends DefaultDeserializer {
  constructor(
    value: Uint8Array,
    private readonly bytes: Uint8Array<ArrayBuffer>,
    private readonly arraysStart: number,
    private readonly table: Float64Array,
  ) {
    super(value);
  }

  _readHostObject(): ArrayBufferView {
    const code = this.readUint32();
    const index = this.readUint32();
    const offset = this.table[2 * index];
    const length = this.table[2 * index + 1];
    if (offset === undefined || length === undefined) {
      throw new RangeError('state: an array that the file does not hold');
    }
    const start = this.arraysStart + offset;
    if (start + length > this.bytes.byteLength) throw new RangeError('state: file cut short');
    if (code === BUFFER) {
      return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, length);
    }
    const type = TYPED_ARRAYS[code - 1];
    if (type === undefined) throw new RangeError(`state: no array type ${code}`);
    let bytes = this.bytes.subarray(start, start + length);
    // Aligned in the file, but the bytes read may start anywhere in their ArrayBuffer: then a
    // copy (`Buffer#slice` would not make one).
    if (bytes.byteOffset % type.BYTES_PER_ELEMENT !== 0) bytes = new Uint8Array(bytes);
    return new type(bytes.buffer, bytes.byteOffset, length / type.BYTES_PER_ELEMENT);
  }
}

/**
 * Writes `value` to `file` (replacing it) in the layout above, by a thread of libuv's pool: the
 * value is serialised at once, and may change afterwards; its byte arrays may not until the
 * promise settles.
 */
export async function writeStateFile(file: string, value: unknown): Promise<void> {
  const chunks = stateChunks(value);
  const handle = await open(file, 'w');
  try {
    for (let i = 0; i < chunks.length; i += WRITEV_MAX) {
      let pending = chunks.slice(i, i + WRITEV_MAX).filter((c) => c.byteLength > 0);
      while (pending.length > 0) {
        const { bytesWritten } = await handle.writev(pending);
        pending = unwritten(pending, bytesWritten);
      }
    }
  } finally {
    await handle.close();
  }
}

/** The pieces of a state file, in order: header, serialised value, table, arrays. */
function stateChunks(value: unknown): Uint8Array[] {
  const serializer = new ArraySerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  const serialized = serializer.releaseBuffer();
  const { arrays } = serializer;
  const counts = Buffer.alloc(8);
  counts.writeUInt32LE(serialized.length, 0);
  counts.writeUInt32LE(arrays.length, 4);
  const head = MAGIC.length + counts.length + serialized.length;
  const table = new Float64Array(2 * arrays.length);
  const chunks: Uint8Array[] = [
    MAGIC,
    counts,
    serialized,
    new Uint8Array(padding(head)),
    new Uint8Array(table.buffer),
  ];
  let offset = 0;
  arrays.forEach((view, i) => {
    table[2 * i] = offset;
    table[2 * i + 1] = view.byteLength;
    chunks.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    const pad = padding(view.byteLength);
    if (pad > 0) chunks.push(new Uint8Array(pad));
    offset += view.byteLength + pad;
  });
  return chunks;
}

/** What is left of `chunks` once `written` bytes of them are written. */
function unwritten(chunks: Uint8Array[], written: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (written >= chunk.byteLength) written -= chunk.byteLength;
    else {
      rest.push(chunk.subarray(written));
      written = 0;
    }
  }
  return rest;
}

/**
 * The bytes of a state file, read by a thread of libuv's pool in one read (`readFile` would
 * read it in 512 kB pieces, each waiting for this thread's next turn). Most of reading 133 MB
 * is the page faults of filling a fresh buffer (2–20 µs a page on these machines): this way they
 * fall on another core while this thread does something else.
 */
export async function readStateBytes(file: string): Promise<Buffer<ArrayBuffer>> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/**
 * The value of the bytes of a state file (`writeStateFile`), wherever they start in their
 * buffer; throws if they are not one.
 */
export function decodeState(bytes: Buffer<ArrayBuffer>): unknown {
  if (bytes.length < MAGIC.length + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('state: not a state file');
  }
  const valueLength = bytes.readUInt32LE(MAGIC.length);
  const arrayCount = bytes.readUInt32LE(MAGIC.length + 4);
  const valueStart = MAGIC.length + 8;
  const tableStart = valueStart + valueLength + padding(valueStart + valueLength);
  const arraysStart = tableStart + 16 * arrayCount;
  if (arraysStart > bytes.length) throw new RangeError('state: file cut short');
  const table = new Float64Array(
    bytes.buffer.slice(bytes.byteOffset + tableStart, bytes.byteOffset + arraysStart),
  );
  const deserializer = new ArrayDeserializer(
    bytes.subarray(valueStart, valueStart + valueLength),
    bytes,
    arraysStart,
    table,
  );
  deserializer.readHeader();
  return deserializer.readValue();
}
