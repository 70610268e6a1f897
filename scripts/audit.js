#!/usr/bin/env node
/**
 * `npm run audit`: npm audit of the runtime dependencies (what ships in the add-in, the browser
 * page and the CLI), failing on high or critical advisories unless they are listed, with a reason,
 * in security/audit-exceptions.json. When the audit service cannot be reached (some registries
 * and mirrors answer 405), it says so plainly and exits 0 — or 2 with --strict.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const strict = process.argv.includes('--strict');
const exceptionsFile = path.join(root, 'security', 'audit-exceptions.json');
const exceptions = fs.existsSync(exceptionsFile) ? JSON.parse(fs.readFileSync(exceptionsFile, 'utf8')) : {};

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', shell: false });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (!report || report.error || !report.metadata) {
  const lines = `${run.stdout || ''}\n${run.stderr || ''}`.split('\n').filter((l) => !/nodedir/.test(l));
  const why =
    (report && report.error && (report.error.summary || report.error.code)) ||
    lines.find((l) => /\b40\d\b|ENOTFOUND|ECONN|ETIMEDOUT|endpoint/.test(l)) ||
    lines.filter(Boolean).pop();
  const reason = String(why || '').trim();
  process.stderr.write(
    `npm audit 无法连接漏洞数据库，未能审计 / the audit service could not be reached, nothing was audited: ${reason}\n`,
  );
  process.exit(strict ? 2 : 0);
}
const blocking = [];
for (const [name, v] of Object.entries(report.vulnerabilities || {})) {
  if (v.severity !== 'high' && v.severity !== 'critical') continue;
  if (exceptions[name]) {
    process.stdout.write(`exception ${name} (${v.severity}): ${exceptions[name]}\n`);
    continue;
  }
  blocking.push(
    `${name} (${v.severity}) via ${[]
      .concat(v.via)
      .map((x) => (typeof x === 'string' ? x : x.title))
      .join('; ')}`,
  );
}
const m = report.metadata.vulnerabilities;
process.stdout.write(
  `runtime dependencies: ${report.metadata.dependencies.prod ?? '?'}; advisories: critical ${m.critical}, high ${m.high}, moderate ${m.moderate}, low ${m.low}\n`,
);
if (blocking.length) {
  process.stdout.write(`high or critical without a written exception:\n  ${blocking.join('\n  ')}\n`);
  process.exit(1);
}
