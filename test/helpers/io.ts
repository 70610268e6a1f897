/** The CLI's output captured for a test: stdout in `out` (bytes as `encoding`), stderr in `err`. */
import type { Io } from '../../src/cli/main';

export function captureIo(encoding: 'latin1' | 'utf8' = 'latin1'): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (s: string | Uint8Array) => {
      io.out += typeof s === 'string' ? s : Buffer.from(s).toString(encoding);
    },
    stderr: (s: string) => {
      io.err += s;
    },
  };
  return io;
}
