/**
 * After `npm run build`: checks what the build emitted. The add-in: dist/functions.json lists
 * every BUDGET function with descriptions, dist/functions.zh-CN.json is its Chinese twin, the
 * pane and the manifest are there. The library: the package loads by name and by path, with
 * require() and import, and its API answers.
 */
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const read = (f) => JSON.parse(fs.readFileSync(path.join(dist, f), 'utf8'));
const { metadataProblems, FUNCTION_IDS } = require('./metadata-options-plugin');
const EXPECTED = FUNCTION_IDS;

const en = read('functions.json');
const zh = read('functions.zh-CN.json');
assert.deepStrictEqual(en.functions.map((f) => f.id).sort(), [...EXPECTED].sort());
for (const f of en.functions) assert.ok(f.description, `${f.id} has no description`);
for (const f of zh.functions) {
  assert.match(f.description, /[\u4e00-\u9fff]/, `${f.id} zh-CN description`);
  for (const p of f.parameters) assert.match(p.description, /[\u4e00-\u9fff]/, `${f.id}(${p.name}) zh-CN`);
}
// Both metadata files let errors and data types through to the functions, descriptions on one line.
assert.deepStrictEqual(metadataProblems(en), [], 'functions.json');
assert.deepStrictEqual(metadataProblems(zh), [], 'functions.zh-CN.json');
for (const f of ['taskpane.html', 'taskpane.js', 'functions.js', 'manifest.xml', 'assets/icon-32.png']) {
  assert.ok(fs.existsSync(path.join(dist, f)), `dist/${f} missing`);
}
// The ribbon commands are registered once, from taskpane.js: a second bundle would win with no handlers.
assert.ok(!fs.existsSync(path.join(dist, 'commands.js')), 'dist/commands.js must not be built');
const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
assert.ok(!/commands\.js/.test(html), 'taskpane.html loads commands.js');
const bundles = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
const associations = bundles.reduce(
  (n, f) => n + (fs.readFileSync(path.join(dist, f), 'utf8').match(/["']validateWorkbook["']/g) || []).length,
  0,
);
assert.ok(associations >= 1, 'validateWorkbook is not associated');
assert.ok(
  bundles.filter((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes('validateWorkbook')).length === 1,
  'validateWorkbook appears in more than one bundle',
);

// The ribbon as Office runs it: the built page's own scripts, in their order, in jsdom with a stub
// Office that records Office.actions.associate. Each ribbon name must be associated exactly once
// (a second association, e.g. from a separate commands.js, replaces the one with handlers), and
// running it must complete the event.
async function checkRibbon() {
  const { JSDOM, VirtualConsole } = require('jsdom');
  const dom = new JSDOM(html, {
    runScripts: 'outside-only',
    pretendToBeVisual: true,
    url: 'https://localhost:3000/taskpane.html',
    virtualConsole: new VirtualConsole(), // React and Fluent in jsdom: their complaints are not ours
  });
  const w = dom.window;
  const associated = {};
  w.Office = {
    onReady(cb) {
      const info = { host: 'Excel', platform: 'PC' };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: () => true } },
    actions: { associate: (name, fn) => (associated[name] = associated[name] || []).push(fn) },
    addin: { showAsTaskpane: () => Promise.resolve() },
    HostType: { Excel: 'Excel' },
  };
  w.CustomFunctions = { associate() {}, Error: function () {}, ErrorCode: {} };
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^" >]+)"?/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  assert.deepStrictEqual(scripts, ['taskpane.js', 'functions.js'], 'the page loads the pane and the functions only');
  for (const src of scripts) {
    try {
      w.eval(fs.readFileSync(path.join(dist, src), 'utf8'));
    } catch {
      // Rendering the pane in jsdom may fail; the registrations happen before it.
    }
  }
  for (const name of ['validateWorkbook', 'fillWorkbook']) {
    assert.strictEqual(
      (associated[name] || []).length,
      1,
      `${name} is associated ${(associated[name] || []).length} times`,
    );
    let completed = 0;
    await associated[name][0]({ completed: () => completed++ });
    assert.strictEqual(completed, 1, `${name} does not complete its event`);
  }
  w.close();
}

const script = `
  const byName = require('budget-disclosure-addin');
  const byPath = require('./lib/index.js');
  if (byName.yoy !== byPath.yoy) throw new Error('name and path differ');
  const out = [
    byName.formatAmount(byName.parseAmount('1, 114. 26').value),
    byName.roundHalfUp(1.005, 2).toString(),
    byName.change(1104.54, 1251).toString(),
    byName.yoy(5, 0, { zeroBase: 'hundred' }).toString(),
    byName.ratio(1, 4).toString(),
    byName.balance(45941, 43477, 36454).toString(),
    byName.describeChange(1036.02, 1001.57),
  ];
  console.log(JSON.stringify(out));
`;
const cjs = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }).trim();
assert.strictEqual(
  cjs,
  JSON.stringify(['1,114.26', '1.01', '-146.46', '1', '0.25', '52964', '比上年预算增加 34.45 万元，增长 3.44%']),
);
const esm = execFileSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    "import { yoy, describeChange } from 'budget-disclosure-addin'; console.log(yoy(110, 100).toString(), describeChange(0, 0));",
  ],
  { cwd: root, encoding: 'utf8' },
).trim();
assert.strictEqual(esm, '0.1 比上年预算增加 0.00 万元，增长 0.00%');
checkRibbon().then(
  () => console.log('build check: dist and lib are complete; the package loads by name with require() and import'),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
