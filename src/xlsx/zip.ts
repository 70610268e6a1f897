/**
 * The zip container of an .xlsx file. First a look at the central directory before anything is
 * unpacked (what entries there are and how large they say they are), so the reader can refuse
 * non-xlsx files, encrypted workbooks and zip bombs with a clear message instead of a stack trace
 * or an exhausted heap; then entries unpacked chunk by chunk, holding the actual size to the
 * declared one.
 */
import { Inflate } from 'fflate';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** CRC-32 of the unpacked bytes, as the central directory records it. */
  crc: number;
}

export type ZipInspection =
  | { kind: 'zip'; entries: ZipEntryInfo[]; totalUncompressed: number }
  | { kind: 'cfb' }
  | { kind: 'empty' }
  | { kind: 'not-zip' }
  | { kind: 'corrupt'; detail: string };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CEN = 0x02014b50;

/** An 8-byte little-endian size or offset; undefined past 2^53 (no real file is that large). */
function u64(view: DataView, at: number): number | undefined {
  if (at < 0 || at + 8 > view.byteLength) return undefined;
  const n = view.getBigUint64(at, true);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined;
}

/** The ZIP64 extended-information field (id 1) among an entry's extra fields. */
function zip64Extra(view: DataView, from: number, length: number): { at: number; length: number } | undefined {
  for (let p = from; p + 4 <= from + length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (p + 4 + size > from + length) return undefined;
    if (id === 1) return { at: p + 4, length: size };
    p += 4 + size;
  }
  return undefined;
}

export function inspectZip(data: Uint8Array): ZipInspection {
  if (data.length === 0) return { kind: 'empty' };
  // Compound File Binary: legacy .xls, or an .xlsx encrypted with a password.
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    return { kind: 'cfb' };
  }
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b) return { kind: 'not-zip' };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: 'corrupt', detail: 'no end of central directory' };
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  // ZIP64 (Excel and .NET write it for large files, some tools always): a locator just before the
  // end record points to the ZIP64 end record, which holds the true count, size and offset.
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const at = u64(view, eocd - 20 + 8);
    if (at === undefined || at + 56 > eocd || view.getUint32(at, true) !== EOCD64)
      return { kind: 'corrupt', detail: 'bad zip64 end of central directory' };
    const c64 = u64(view, at + 32);
    const s64 = u64(view, at + 40);
    const o64 = u64(view, at + 48);
    if (c64 === undefined || s64 === undefined || o64 === undefined)
      return { kind: 'corrupt', detail: 'bad zip64 end of central directory' };
    [count, size, offset] = [c64, s64, o64];
  } else if (offset === 0xffffffff || count === 0xffff) {
    return { kind: 'corrupt', detail: 'zip64 end of central directory missing' };
  }
  if (offset + size > data.length) return { kind: 'corrupt', detail: 'central directory out of range' };
  // Each entry takes at least 46 bytes: a count the directory cannot hold is a lie.
  if (count * 46 > size) return { kind: 'corrupt', detail: 'central directory too small for its entries' };
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  // Two entries of one name: which one a reader takes is up to chance; refused.
  const seen = new Set<string>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CEN) return { kind: 'corrupt', detail: `bad entry ${k}` };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength + extraLength > data.length) return { kind: 'corrupt', detail: `bad entry ${k}` };
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // The true values are in the entry's ZIP64 extra field, in this order, each only when its
      // ordinary field is 0xFFFFFFFF.
      const z = zip64Extra(view, p + 46 + nameLength, extraLength);
      if (!z) return { kind: 'corrupt', detail: `bad zip64 entry ${name}` };
      let q = 0;
      const next = () => (q + 8 <= z.length ? u64(view, z.at + (q += 8) - 8) : undefined);
      if (uncompressedSize === 0xffffffff) uncompressedSize = next() ?? -1;
      if (compressedSize === 0xffffffff) compressedSize = next() ?? -1;
      if (localOffset === 0xffffffff) localOffset = next() ?? -1;
      if (uncompressedSize < 0 || compressedSize < 0 || localOffset < 0)
        return { kind: 'corrupt', detail: `bad zip64 entry ${name}` };
    }
    if (seen.has(name)) return { kind: 'corrupt', detail: `the archive holds two entries named ${name}` };
    seen.add(name);
    const crc = view.getUint32(p + 16, true);
    entries.push({ name, compressedSize, uncompressedSize, method, flags, localOffset, crc });
    total += uncompressedSize;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { kind: 'zip', entries, totalUncompressed: total };
}

/** CRC-32 tables for slicing by 8: table k advances a byte that is followed by k more bytes. */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/**
 * CRC-32 (the zip one) carried on over `bytes`; start with ~0, finish with `~crc >>> 0`. Eight
 * bytes a step (slicing by 8), the rest one by one.
 */
function crc32(crc: number, bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = crc;
  let i = 0;
  const n = bytes.length;
  for (const end8 = n - (n & 7); i < end8; i += 8) {
    const a = c ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + bytes[i + 4]] ^
      t[512 + bytes[i + 5]] ^
      t[256 + bytes[i + 6]] ^
      t[bytes[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c;
}

const LOC = 0x04034b50;
/** Compressed bytes fed to the inflater at a time: bounds each output chunk (deflate expands ≤ 1032×). */
const SLICE = 16 * 1024;

export class ZipEntryError extends Error {
  constructor(
    readonly entry: string,
    detail: string,
    /** The entry unpacked to more than its declared size. */
    readonly lied = false,
  ) {
    super(`${entry}: ${detail}`);
  }
}

/**
 * A raw DEFLATE decompressor that unpacks a whole entry at once, throwing past `maxBytes` (with
 * `code: 'ERR_BUFFER_TOO_LARGE'`): the CLI passes zlib's (node-inflate.ts). Used for entries of
 * at most WHOLE_MAX bytes; larger ones, and every entry without it, stream through fflate's.
 */
export type InflateRaw = ((compressed: Uint8Array, maxBytes: number) => Uint8Array) & {
  /**
   * A native CRC-32 (Node's zlib.crc32: `value` carried on, 0 to start, the checksum itself as
   * the result), used for every entry's check instead of the JavaScript one when given.
   */
  crc32?: (data: Uint8Array, value: number) => number;
  /** The largest entry to unpack at once (default WHOLE_MAX); larger ones stream through fflate. */
  wholeMax?: number;
};

/**
 * Largest entry unpacked at once by a given InflateRaw (beyond, fflate streams it in pieces): the
 * XML of a sheet of about 150,000 rows of a budget table. At once is about twice as fast (zlib);
 * the whole part is then held while it is read (32 MiB at most).
 */
const WHOLE_MAX = 32 * 1024 * 1024;

/**
 * Unpacks one entry chunk by chunk, never holding the whole of it: `onChunk` sees the bytes as they
 * come. Stops with a ZipEntryError when the entry is encrypted, uses an unknown method, is cut short,
 * or unpacks to more than it declared or than `maxBytes`.
 */
export function unpackEntry(
  data: Uint8Array,
  entry: ZipEntryInfo,
  onChunk: (bytes: Uint8Array) => void,
  maxBytes = Infinity,
  inflateRaw?: InflateRaw,
): number {
  if (entry.flags & 1) throw new ZipEntryError(entry.name, 'is encrypted');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const p = entry.localOffset;
  if (p + 30 > data.length || view.getUint32(p, true) !== LOC) throw new ZipEntryError(entry.name, 'bad local header');
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipEntryError(entry.name, 'is cut short');
  const limit = Math.min(maxBytes, entry.uncompressedSize);
  let total = 0;
  const native = inflateRaw?.crc32;
  // Carried on as the native one counts (0, the checksum), or as crc32 below (~0, its complement).
  let crc = native ? 0 : ~0;
  let downstream: unknown;
  const emit = (bytes: Uint8Array) => {
    total += bytes.length;
    if (total > limit) throw new ZipEntryError(entry.name, 'unpacks to more than it declares', true);
    crc = native ? native(bytes, crc) : crc32(crc, bytes);
    try {
      if (bytes.length) onChunk(bytes);
    } catch (e) {
      downstream = e;
      throw e;
    }
  };
  if (entry.method === 0) {
    for (let i = start; i < end; i += SLICE) emit(data.subarray(i, Math.min(end, i + SLICE)));
  } else if (entry.method === 8 && inflateRaw && entry.uncompressedSize <= (inflateRaw.wholeMax ?? WHOLE_MAX)) {
    // A small part at once through the given decompressor (at most limit + 1 bytes: one more
    // than allowed is enough to tell a lie), then handed on in pieces as from fflate.
    let whole: Uint8Array;
    try {
      whole = inflateRaw(data.subarray(start, end), limit + 1);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipEntryError(entry.name, 'unpacks to more than it declares', true);
      throw new ZipEntryError(entry.name, e instanceof Error ? e.message : String(e));
    }
    for (let i = 0; i < whole.length; i += 4 * SLICE) emit(whole.subarray(i, i + 4 * SLICE));
  } else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => emit(chunk));
    try {
      if (end === start) inflater.push(new Uint8Array(0), true);
      for (let i = start; i < end; i += SLICE)
        inflater.push(data.subarray(i, Math.min(end, i + SLICE)), i + SLICE >= end);
    } catch (e) {
      if (e instanceof ZipEntryError || e === downstream) throw e;
      throw new ZipEntryError(entry.name, e instanceof Error ? e.message : String(e));
    }
  } else {
    throw new ZipEntryError(entry.name, `compression method ${entry.method} is not supported`);
  }
  if (total !== entry.uncompressedSize) throw new ZipEntryError(entry.name, 'is cut short');
  // A changed byte in a stored entry would otherwise be read as if it were what was written.
  if ((native ? crc : ~crc) >>> 0 !== entry.crc)
    throw new ZipEntryError(entry.name, 'fails its checksum (CRC-32): the data is damaged');
  return total;
}
