/**
 * zlib's raw DEFLATE for the streaming writer in Node (the CLI): several times faster than the
 * JavaScript one. Each chunk is compressed on its own and ends on a sync flush (the last one
 * finishes the stream), so the segments of a part concatenate into one valid DEFLATE stream.
 * Node only: the browser page and the add-in keep fflate's (this module is never imported there).
 */
import * as zlib from 'zlib';
import type { DeflateRaw } from './stream-write';

/**
 * Level 1: on the 100k-row sheet of the fill benchmark (23.7 MB of XML) about 2–3× faster than
 * level 6 for a file 14% larger (4.75 MB against 4.17 MB; measured, bench/NOTES.md).
 */
const LEVEL = 1;

export const nodeDeflateRaw: DeflateRaw = (chunk, final) =>
  zlib.deflateRawSync(chunk, {
    level: LEVEL,
    finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
  });

// zlib's CRC-32 (Node ≥ 20.15) for the zip entries' checksums, when this Node has it.
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (typeof crc32 === 'function') nodeDeflateRaw.crc32 = (data, value) => crc32(data, value);
