/**
 * A look at a zip's central directory before anything is unpacked: what entries it has and how
 * large they say they are. Lets the reader refuse non-xlsx files, encrypted workbooks and zip
 * bombs with a clear message instead of a stack trace or an exhausted heap.
 */

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
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
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > data.length) return { kind: 'corrupt', detail: `bad entry ${k}` };
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize });
    total += uncompressedSize;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { kind: 'zip', entries, totalUncompressed: total };
}
