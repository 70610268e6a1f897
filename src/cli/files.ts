/** Expanding the CLI's file and folder arguments into the workbooks to check. */
import * as fs from 'fs';
import * as path from 'path';

const WORKBOOK = /\.(xlsx|xlsm|xls|et|pdf)$/i;

/**
 * Files given by name are all checked (an unreadable one is reported); folders are walked for
 * workbooks (`.xlsx`, `.xlsm`, and `.xls`/`.et` so that old formats get a clear message) and published
 * PDFs (`.pdf`), skipping
 * Office lock files (`~$…`). A missing path is reported like an unreadable file.
 */
export function expandInputs(inputs: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && WORKBOOK.test(e.name) && !e.name.startsWith('~$')) files.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return { files, missing };
}
