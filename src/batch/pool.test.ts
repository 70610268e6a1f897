/**
 * The memory bound of the worker threads (issue 16 item 7): a file that needs more heap than a
 * worker has is reported as unreadable, and the batch — or the CLI, which runs even one file in
 * a worker — goes on.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { craftXlsx, sheetXml } from '../../test/hostile-kit';
import { defaultJobs, validateFiles } from './pool';

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-pool-'));
  let rows = '';
  for (let r = 1; r <= 150_000; r++)
    rows += `<row r="${r}"><c r="A${r}"><v>${r}.25</v></c><c r="B${r}"><v>${r}.5</v></c><c r="C${r}"><v>${r}</v></c></row>`;
  fs.writeFileSync(path.join(dir, 'big.xlsx'), craftXlsx({ sheets: [sheetXml(rows)] }, 1));
  fs.writeFileSync(
    path.join(dir, 'small.xlsx'),
    craftXlsx({ sheets: [sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')] }),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('a file that exhausts a worker’s heap is reported, and the next file is still checked', async () => {
  const files = [path.join(dir, 'big.xlsx'), path.join(dir, 'small.xlsx')];
  const [big, small] = await validateFiles(files, { jobs: 1, isolate: true, maxMemoryMb: 24 });
  expect(big.error).toMatch(/^审核进程出错（文件可能过大或已损坏）/);
  expect(big.errorEn).toMatch(/^The worker failed \(the file may be too large or damaged\)/);
  expect(small.error).toBeUndefined();
  expect(small.file).toBe(files[1]);
});

it('default workers: one on 2 cores or fewer, one core left free beyond, no more than memory holds at 2 GiB each', () => {
  expect(defaultJobs(1, 24 * 1024)).toBe(1);
  expect(defaultJobs(2, 24 * 1024)).toBe(1);
  expect(defaultJobs(4, 24 * 1024)).toBe(3);
  expect(defaultJobs(16, 64 * 1024)).toBe(15);
  expect(defaultJobs(16, 24 * 1024)).toBe(12);
  expect(defaultJobs(16, 24 * 1024, 4096)).toBe(6);
  expect(defaultJobs(8, 1024)).toBe(1);
  // This machine: whatever it is, at least one and fewer than its cores when it has more than two.
  const here = defaultJobs();
  expect(here).toBeGreaterThanOrEqual(1);
  expect(here).toBeLessThanOrEqual(Math.max(1, os.availableParallelism() - 1));
});
