/** The worker thread of a batch: runs one job per message. */
import { parentPort } from 'worker_threads';
import { JobOptions, runJob } from './job';

parentPort?.on('message', async (msg: { id: number; file: string; options: JobOptions }) => {
  const report = await runJob(msg.file, msg.options);
  parentPort?.postMessage({ id: msg.id, report });
});
