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
}

export type ZipInspection =
  | { kind: 'zip'; entries: ZipEntryInfo[]; totalUncompressed: number }
  | { kind: 'cfb' }
  | { kind: 'empty' }
  | { kind: 'not-zip' }
  | { kind: 'corrupt'; detail: string };

const EOCD = 0x06054b50;
const CEN = 0x02014b50;

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
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) return { kind: 'corrupt', detail: 'zip64 archives are not supported' };
  if (offset + size > data.length) return { kind: 'corrupt', detail: 'central directory out of range' };
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== CEN) return { kind: 'corrupt', detail: `bad entry ${k}` };
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > data.length) return { kind: 'corrupt', detail: `bad entry ${k}` };
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      return { kind: 'corrupt', detail: 'zip64 archives are not supported' };
    entries.push({ name, compressedSize, uncompressedSize, method, flags, localOffset });
    total += uncompressedSize;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { kind: 'zip', entries, totalUncompressed: total };
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
 * Unpacks one entry chunk by chunk, never holding the whole of it: `onChunk` sees the bytes as they
 * come. Stops with a ZipEntryError when the entry is encrypted, uses an unknown method, is cut short,
 * or unpacks to more than it declared or than `maxBytes`.
 */
export function unpackEntry(
  data: Uint8Array,
  entry: ZipEntryInfo,
  onChunk: (bytes: Uint8Array) => void,
  maxBytes = Infinity,
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
  let downstream: unknown;
  const emit = (bytes: Uint8Array) => {
    total += bytes.length;
    if (total > limit) throw new ZipEntryError(entry.name, 'unpacks to more than it declares', true);
    try {
      if (bytes.length) onChunk(bytes);
    } catch (e) {
      downstream = e;
      throw e;
    }
  };
  if (entry.method === 0) {
    for (let i = start; i < end; i += SLICE) emit(data.subarray(i, Math.min(end, i + SLICE)));
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
  return total;
}
