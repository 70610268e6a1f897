#!/usr/bin/env node
'use strict';
// The CLI entry point; the code is built to lib/ by `npm run build`.
let cli;
try {
  cli = require('../lib/cli/main');
} catch {
  process.stderr.write('budget-check: 请先运行 npm run build / run `npm run build` first\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`budget-check: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
