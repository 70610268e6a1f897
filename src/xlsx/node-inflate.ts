/**
 * zlib's raw DEFLATE decompressor for the reader in Node (the CLI): native, so a fresh process
 * reads small and middling files at full speed from the start, where fflate's JavaScript is still
 * being compiled. zlib has no synchronous streaming, so it unpacks an entry at once: the reader
 * gives it only entries of up to 8 MiB (zip.ts, WHOLE_MAX) and streams larger ones through fflate,
 * so memory stays bounded. Node only: never imported by the browser page or the add-in.
 */
import { inflateRawSync } from 'zlib';
import type { WorkbookModel } from '../workbook/model';
import { readXlsx, ReadLimits } from './read';
import type { InflateRaw } from './zip';

export const nodeInflateRaw: InflateRaw = (compressed, maxBytes) => {
  const out = inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** readXlsx as the CLI reads in Node: with zlib's decompressor. */
export function readXlsxInNode(data: Uint8Array, limits: ReadLimits = {}): Promise<WorkbookModel> {
  return readXlsx(data, { ...limits, inflateRaw: nodeInflateRaw });
}
