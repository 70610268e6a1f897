/**
 * zlib's raw DEFLATE decompressor for the reader in Node (the CLI): native, so a fresh process
 * reads small and middling files at full speed from the start, where fflate's JavaScript is still
 * being compiled. zlib has no synchronous streaming, so it unpacks an entry at once: the reader
 * gives it only entries of up to 32 MiB (zip.ts, WHOLE_MAX) and streams larger ones through
 * fflate, so memory stays bounded. zlib's CRC-32 checks every entry too. Node only: never imported by the browser page or the add-in.
 */
import * as zlib from 'zlib';
import type { WorkbookModel } from '../workbook/model';
import { readXlsx, ReadLimits } from './read';
import type { InflateRaw } from './zip';

export const nodeInflateRaw: InflateRaw = (compressed, maxBytes) => {
  const out = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

// zlib's CRC-32 (Node ≥ 20.15) for the entries' checks, when this Node has it.
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (typeof crc32 === 'function') nodeInflateRaw.crc32 = (data, value) => crc32(data, value);

/** readXlsx as the CLI reads in Node: with zlib's decompressor. */
export function readXlsxInNode(data: Uint8Array, limits: ReadLimits = {}): Promise<WorkbookModel> {
  return readXlsx(data, { ...limits, inflateRaw: nodeInflateRaw });
}
