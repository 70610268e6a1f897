/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml (office-addin-manifest validate needs an online service).
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXCEL_API } from '../taskpane/office-host';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string) => {
  const els = all(tag);
  expect(els.length).toBeGreaterThan(0);
  return els[0];
};

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.tagName).toBe('OfficeApp');
  });

  it('has a GUID Id and a four-part version', () => {
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(one('Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set(
      [...all('bt:Image'), ...all('bt:Url'), ...all('bt:String')].map((e) => e.getAttribute('id')).filter(Boolean),
    );
    const resids = Array.from(doc.querySelectorAll('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((r): r is string => r !== null);
    expect(resids.length).toBeGreaterThan(10);
    for (const r of resids) expect(ids).toContain(r);
  });

  it('uses https for every URL', () => {
    const urls = Array.from(doc.querySelectorAll('*')).flatMap((e) =>
      ['DefaultValue', 'Value']
        .map((a) => e.getAttribute(a))
        .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)),
    );
    const domains = all('AppDomain').map((e) => e.textContent ?? '');
    expect(urls.length).toBeGreaterThan(5);
    for (const u of [...urls, ...domains]) expect(u).toMatch(/^https:\/\//);
  });

  it('declares the BUDGET namespace for custom functions with a shared runtime', () => {
    const ns = one('Namespace').getAttribute('resid');
    const str = all('bt:String').find((e) => e.getAttribute('id') === ns);
    expect(str?.getAttribute('DefaultValue')).toBe('BUDGET');
    const ext = all('ExtensionPoint').map((e) => e.getAttribute('xsi:type'));
    expect(ext).toContain('CustomFunctions');
    expect(ext).toContain('PrimaryCommandSurface');
    const runtime = one('Runtime');
    expect(runtime.getAttribute('lifetime')).toBe('long');
    // Functions, pane and commands share the one runtime page.
    const page = all('Page')[0].getElementsByTagName('SourceLocation')[0].getAttribute('resid');
    expect(page).toBe(runtime.getAttribute('resid'));
    expect(one('FunctionFile').getAttribute('resid')).toBe(runtime.getAttribute('resid'));
  });

  it('requires SharedRuntime 1.1 and asks for ReadWriteDocument only', () => {
    const sets = all('Set').map((e) => [e.getAttribute('Name'), e.getAttribute('MinVersion')]);
    expect(sets).toContainEqual(['SharedRuntime', '1.1']);
    // The adapter reads merged areas (ExcelApi 1.13), the same version it checks at run time.
    expect(sets).toContainEqual(['ExcelApi', EXCEL_API]);
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
    expect(all('Host').some((h) => h.getAttribute('Name') === 'Workbook')).toBe(true);
  });

  it('has zh-CN overrides for display name, description and the localized function metadata', () => {
    for (const tag of ['DisplayName', 'Description']) {
      const o = Array.from(one(tag).getElementsByTagName('Override'));
      expect(o.find((e) => e.getAttribute('Locale') === 'zh-CN')?.getAttribute('Value')).toBeTruthy();
    }
    const meta = all('bt:Url').find((e) => e.getAttribute('id') === 'Functions.Metadata.Url')!;
    expect(meta.getAttribute('DefaultValue')).toMatch(/\/functions\.json$/);
    const zh = Array.from(meta.getElementsByTagName('bt:Override')).find((e) => e.getAttribute('Locale') === 'zh-CN');
    expect(zh?.getAttribute('Value')).toMatch(/\/functions\.zh-CN\.json$/);
  });

  it('has a 预算 ribbon group with 一键审核 and 填充 buttons', () => {
    const label = (id: string | null) => {
      const s = all('bt:String').find((e) => e.getAttribute('id') === id)!;
      return Array.from(s.getElementsByTagName('bt:Override'))
        .find((o) => o.getAttribute('Locale') === 'zh-CN')
        ?.getAttribute('Value');
    };
    const group = one('Group');
    expect(label(group.getElementsByTagName('Label')[0].getAttribute('resid'))).toBe('预算');
    const buttons = Array.from(group.getElementsByTagName('Control')).map((c) =>
      label(c.getElementsByTagName('Label')[0].getAttribute('resid')),
    );
    expect(buttons).toEqual(expect.arrayContaining(['一键审核', '填充']));
  });

  it('points its icons at files that exist in assets/', () => {
    const images = [...all('bt:Image'), ...all('IconUrl'), ...all('HighResolutionIconUrl')]
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => !!v && v.startsWith('https://'));
    for (const url of images) {
      const file = path.join(root, 'assets', path.basename(new URL(url).pathname));
      expect(fs.existsSync(file)).toBe(true);
    }
  });
});

describe('the sandbox', () => {
  const html = fs.readFileSync(path.join(root, 'taskpane/taskpane.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find((d) => d[0] === name)
      ?.slice(1);

  it('the task pane sets a Content-Security-Policy: scripts from itself and Office only, no eval', () => {
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    expect(directive('connect-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    // Office.js is the only script from elsewhere.
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });

  it('no code that runs in the add-in makes a network request', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    for (const dir of ['src', 'taskpane', 'functions']) walk(path.join(root, dir));
    const offenders = files.filter((f) =>
      /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|https?:\/\/(?!appsforoffice\.microsoft\.com|schemas\.|purl\.org|www\.w3\.org)[a-z]/.test(
        // comments out (but not the // of a URL in a string)
        fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1'),
      ),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
