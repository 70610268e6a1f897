/**
 * zlib's raw DEFLATE for the streaming writer in Node (the CLI): several times faster than the
 * JavaScript one. Each chunk is compressed on its own and ends on a sync flush (the last one
 * finishes the stream), so the segments of a part concatenate into one valid DEFLATE stream.
 * Node only: the browser page and the add-in keep fflate's (this module is never imported there).
 */
import { constants, deflateRawSync } from 'zlib';
import type { DeflateRaw } from './stream-write';

export const nodeDeflateRaw: DeflateRaw = (chunk, final) =>
  deflateRawSync(chunk, { level: 6, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
