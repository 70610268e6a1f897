/**
 * .ci/run decides whether to apt-get Chromium and a CJK font. Under `set -o pipefail`, the old
 * `fc-list | grep -q` check failed whenever grep stopped reading early and fc-list died of SIGPIPE,
 * so CI installed packages that were there. The check runs here in isolation
 * (`.ci/run --check-browser-deps`), against a stub fc-list with a long font list (a pipe would
 * break on it every time) and a stub Chromium; npm is stubbed to fail so nothing is installed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const script = path.join(root, '.ci', 'run');

function stubs(fontLines: number): { dir: string; chromium: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-run-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const write = (name: string, body: string) => {
    fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    fs.chmodSync(path.join(bin, name), 0o755);
  };
  // A CJK font first, then enough lines to overflow a pipe's buffer: grep -q would stop at line 1.
  write(
    'fc-list',
    fontLines === 0
      ? 'exit 0'
      : `echo "WenQuanYi Micro Hei"; for ((i = 1; i < ${fontLines}; i++)); do echo "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular-${'x'.repeat(40)}-$i.ttc: Noto Sans CJK SC"; done`,
  );
  write('npm', 'echo "npm must not run in this test" >&2; exit 97');
  write('apt-get', 'echo "apt-get must not run in this test" >&2; exit 98');
  const chromium = path.join(bin, 'chromium');
  write('chromium', 'exit 0');
  return { dir, chromium };
}

function check(fontLines: number, chromium?: string): { status: number | null; stdout: string; stderr: string } {
  const s = stubs(fontLines);
  try {
    const r = spawnSync('bash', [script, '--check-browser-deps'], {
      env: {
        ...process.env,
        PATH: `${path.join(s.dir, 'bin')}:${process.env.PATH}`,
        CHROMIUM_PATH: chromium ?? s.chromium,
      },
      encoding: 'utf8',
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
}

describe('.ci/run: the browser dependencies check', () => {
  it('finds Chromium and a CJK font without apt-get, even with a font list far longer than a pipe buffer', () => {
    // Several runs: the SIGPIPE failure of a pipe depends on scheduling.
    for (let i = 0; i < 3; i++) {
      const r = check(5000);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('browser deps: present');
      expect(r.status).toBe(0);
    }
  }, 60_000);

  it('says missing when no CJK font is installed', () => {
    expect(check(0).stdout.trim()).toBe('browser deps: missing');
  }, 30_000);

  it('says missing when Chromium is absent', () => {
    expect(check(10, '/nonexistent/chromium').stdout.trim()).toBe('browser deps: missing');
  }, 30_000);

  it('the old piped check is what failed: fc-list | grep -q under pipefail breaks on a long list', () => {
    const s = stubs(5000);
    try {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `set -euo pipefail; if fc-list 2>/dev/null | grep -qi 'wqy\\|noto.*cjk'; then echo ok; else echo broken; fi`,
        ],
        { env: { ...process.env, PATH: `${path.join(s.dir, 'bin')}:${process.env.PATH}` }, encoding: 'utf8' },
      );
      expect(r.stdout.trim()).toBe('broken');
    } finally {
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  }, 30_000);
});
