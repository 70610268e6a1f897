// Child-process harness (jest runs CommonJS, pdf.js is ESM only): the CLI's main() on the
// TypeScript sources, as `budget-check` would run it; exits with its exit code.
import { main } from '../../src/cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
