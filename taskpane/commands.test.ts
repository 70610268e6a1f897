/**
 * The ribbon's 一键审核 and 填充 (issue 15, item 1): the commands are built once, into taskpane.js,
 * so that only one registration of each name exists (Office.actions.associate keeps the last one),
 * and a command that arrives before the pane has registered its handler is queued, not lost.
 */
import * as path from 'path';

type Associated = Record<string, ((event: { completed(): void }) => Promise<void>)[]>;

/** Loads commands.ts in a page with a stub Office that records associate() and showAsTaskpane(). */
function loadWithOffice() {
  const associated: Associated = {};
  const shown: number[] = [];
  const office = {
    onReady: (cb: () => void) => {
      cb();
      return Promise.resolve();
    },
    actions: {
      associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) =>
        (associated[name] ??= []).push(fn),
    },
    addin: { showAsTaskpane: async () => void shown.push(1) },
  };
  (globalThis as { Office?: unknown }).Office = office;
  let mod!: typeof import('./commands');
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('./commands');
  });
  return { mod, associated, shown };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('ribbon commands', () => {
  it('associates each ribbon name exactly once when the page loads', () => {
    const { associated } = loadWithOffice();
    expect(Object.keys(associated).sort()).toEqual(['fillWorkbook', 'validateWorkbook']);
    expect(associated.validateWorkbook).toHaveLength(1);
    expect(associated.fillWorkbook).toHaveLength(1);
  });

  it('a click before React registers the handler is queued and runs when the handler arrives', async () => {
    const { mod, associated, shown } = loadWithOffice();
    const completed = jest.fn();
    await associated.validateWorkbook[0]({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(shown).toHaveLength(1);
    const validate = jest.fn();
    const fill = jest.fn();
    mod.setCommandHandler('fillWorkbook', fill);
    mod.setCommandHandler('validateWorkbook', validate);
    await Promise.resolve();
    await Promise.resolve();
    expect(validate).toHaveBeenCalledTimes(1);
    expect(fill).not.toHaveBeenCalled();
    // Once registered, a click runs the handler directly.
    await associated.fillWorkbook[0]({ completed });
    expect(fill).toHaveBeenCalledTimes(1);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(2);
  });

  it('completes the event even when the handler fails', async () => {
    const { mod, associated } = loadWithOffice();
    mod.setCommandHandler('fillWorkbook', () => {
      throw new Error('boom');
    });
    const completed = jest.fn();
    await expect(associated.fillWorkbook[0]({ completed })).rejects.toThrow('boom');
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe('the build', () => {
  const root = path.resolve(__dirname, '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(root, 'webpack.config.js'));

  it('builds the commands only inside taskpane.js, and the page loads no second copy', async () => {
    const config = await configure({ WEBPACK_BUILD: true }, { mode: 'production' });
    expect(Object.keys(config.entry).sort()).toEqual(['functions', 'taskpane']);
    const html = config.plugins.find(
      (p: { constructor: { name: string } }) => p.constructor.name === 'HtmlWebpackPlugin',
    );
    expect(html.userOptions.chunks).toEqual(['taskpane', 'functions']);
  });

  it('rewrites every URL and the AppDomain of the manifest for production', () => {
    const fs = jest.requireActual('fs') as typeof import('fs');
    const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
    const out: string = configure.rewriteManifest(xml, 'https://budget.example.gov.cn/addin/');
    expect(out).not.toContain('localhost');
    expect(out).toContain('<AppDomain>https://budget.example.gov.cn</AppDomain>');
    expect(out).toContain('DefaultValue="https://budget.example.gov.cn/addin/taskpane.html"');
  });
});
