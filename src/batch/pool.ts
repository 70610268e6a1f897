/**
 * Validates many workbooks on all cores: a pool of worker threads, one file per worker at a time
 * (so memory stays bounded by the largest file times the number of workers), results in the
 * order of the input. A file that fails is reported and the batch goes on.
 */
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FileReport } from '../report/report';
import { JobOptions, runJob } from './job';

export interface BatchOptions extends JobOptions {
  /** Worker threads. Default: {@link defaultJobs}. */
  jobs?: number;
  /**
   * Run even a single job in a worker thread, so a file that exhausts memory cannot take the batch
   * (or the CLI) down (default: true for more than one file; the CLI always isolates).
   */
  isolate?: boolean;
  /** Heap limit of each worker thread, in MB (default 2048): a file that needs more is reported, not crashed on. */
  maxMemoryMb?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * A worker's young generation, in MB (V8 gives it up to 48 by default on 64 bits): reading builds a
 * cell per cell and recognition an amount cell per cell, most of which survive, so a larger
 * nursery only holds more at once. Read + validate of the 100k-row package by the built CLI
 * (bench/NOTES.md, issue 17): peak RSS 506–517 MiB → 462 MiB with 6 (3: 462, 8: 471, 16: 491).
 */
export const WORKER_YOUNG_GENERATION_MB = 6;

function spawnWorker(maxMemoryMb = 2048): Worker {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `worker${ext}`);
  const resourceLimits = { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  if (ext !== '.ts') return new Worker(file, { resourceLimits });
  // Under ts-jest or tsx the sources are TypeScript: the worker registers tsx's loader first. (Its
  // CommonJS hook only: a module the engine loads with a dynamic import() cannot be loaded there.)
  const code = `require('tsx/cjs'); require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, resourceLimits });
}

/**
 * The default number of worker threads, by measured reason (bench/RESULTS.md, suite `batch`):
 * - one core is left to the main thread and to V8's garbage-collector and compiler threads:
 *   validation allocates heavily, and on a 2-core machine two workers ran only 1.10× one worker
 *   while the same pure-CPU work ran 1.93× — so on 2 cores or fewer, one worker;
 * - beyond that, one worker per remaining core (16 cores: 15), each validating one file at a time;
 * - and no more workers than the memory holds at each one's heap limit (`maxMemoryMb`, 2 GiB by
 *   default; a 100k-row package peaks near 1 GiB), so that a batch of large files cannot exhaust
 *   the machine (16 cores and 24 GiB: 12).
 * `cores` is what the process may use (os.availableParallelism: the CPU affinity, not the board).
 */
export function defaultJobs(
  cores: number = os.availableParallelism(),
  totalMemoryMb: number = os.totalmem() / 2 ** 20,
  maxMemoryMb = 2048,
): number {
  const byCores = cores <= 2 ? 1 : cores - 1;
  const byMemory = Math.floor(totalMemoryMb / maxMemoryMb);
  return Math.max(1, Math.min(byCores, byMemory));
}

export async function validateFiles(files: readonly string[], options: BatchOptions = {}): Promise<FileReport[]> {
  const jobs = Math.max(
    1,
    Math.min(options.jobs ?? defaultJobs(undefined, undefined, options.maxMemoryMb), files.length),
  );
  const isolate = options.isolate ?? files.length > 1;
  const job: JobOptions = {
    tolerance: options.tolerance,
    catalogPath: options.catalogPath,
    text: options.text,
    formsPaths: options.formsPaths,
    ruleSettings: options.ruleSettings,
    builtinForms: options.builtinForms,
    bindings: options.bindings,
  };
  const results: FileReport[] = new Array(files.length);
  let done = 0;
  if (jobs === 1 && !isolate) {
    for (let i = 0; i < files.length; i++) {
      results[i] = await runJob(files[i], job);
      options.onProgress?.(++done, files.length, files[i]);
    }
    return results;
  }
  const spawn = () => spawnWorker(options.maxMemoryMb);
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker = spawn();
      try {
        while (next < files.length) {
          const id = next++;
          const { report, crashed } = await new Promise<{ report: FileReport; crashed: boolean }>((resolve) => {
            const onMessage = (m: { id: number; report: FileReport }) => {
              if (m.id !== id) return;
              cleanup();
              resolve({ report: m.report, crashed: false });
            };
            // A worker that dies (out of memory on a hostile file) fails that file only.
            const onError = (e: Error) => {
              cleanup();
              resolve({
                report: {
                  file: files[id],
                  error: `审核进程出错（文件可能过大或已损坏）：${e.message}`,
                  errorEn: `The worker failed (the file may be too large or damaged): ${e.message}`,
                  sheets: [],
                  findings: [],
                  summary: { errors: 0, warnings: 0, infos: 0 },
                },
                crashed: true,
              });
            };
            // A worker that stops without a word (no error event) fails that file too, never hangs the batch.
            const onExit = (code: number) => onError(new Error(`exit code ${code}`));
            const cleanup = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage({ id, file: files[id], options: job });
          });
          results[id] = report;
          options.onProgress?.(++done, files.length, files[id]);
          if (crashed) {
            await worker.terminate();
            worker = spawn();
          }
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}
