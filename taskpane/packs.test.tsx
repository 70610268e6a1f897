/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * 设置 → 审核包: a pack loaded in the pane changes 一键审核, is remembered with the workbook, and a
 * pack with a typo is refused with its line; a rule turned off is silent.
 */
import './test-dom';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryHost } from '../src/host/memory-host';
import { readXlsx } from '../src/xlsx/read';
import { App } from './App';
import { OfficeHost } from './office-host';
import { PACKS_KEY, RULES_KEY } from './packs';

jest.setTimeout(60000);

const root = path.join(__dirname, '..');
const PACK = fs.readFileSync(path.join(root, 'samples/packs/example-pack.txt'));

function packFile(bytes: Uint8Array | Buffer, name: string): File {
  const f = new File([new Uint8Array(bytes)], name);
  // jsdom's File has no arrayBuffer(); the pane reads it through that.
  (f as unknown as { arrayBuffer: () => Promise<ArrayBuffer> }).arrayBuffer = async () =>
    new Uint8Array(bytes).buffer as ArrayBuffer;
  return f;
}

async function sampleHost(): Promise<MemoryHost> {
  return new MemoryHost(await readXlsx(fs.readFileSync(path.join(root, 'samples/packs/example-package.xlsx'))));
}

/** Runs 一键审核 (重新审核 after the first run) and waits for counts that match. */
async function audit(expected: RegExp): Promise<void> {
  fireEvent.click(screen.getByTestId('tab-audit'));
  const button = screen
    .queryAllByText(/^(一键审核|重新审核)$/)
    .map((e) => e.closest('button'))
    .find((x) => x);
  if (!button) throw new Error('no 一键审核 button');
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('audit-counts').textContent).toMatch(expected));
}

describe('packs in the pane', () => {
  it('a loaded pack is checked and remembered with the workbook; a new pane restores it', async () => {
    const host = await sampleHost();
    const first = render(<App host={host} displayLanguage="zh-CN" />);
    // Without the pack 表12 matches no form: only the inferred checks (G2, G4) run on it, and they
    // find its wrong 合计 at E9 too; with the pack the form's own formula Z1 does, and nothing else.
    await audit(/^错误 2/);
    fireEvent.click(screen.getByTestId('tab-settings'));
    fireEvent.change(screen.getByTestId('pack-input'), { target: { files: [packFile(PACK, 'example-pack.txt')] } });
    await screen.findByText(/示例地区补充表样与审核公式（example-pack.txt）：1 张表样，3 条公式/);
    expect(JSON.parse(host.settings.get(PACKS_KEY)!)[0].file).toBe('example-pack.txt');
    await audit(/^错误 1/);
    expect(screen.getAllByTestId('finding')[0].textContent).toContain('E9');
    first.unmount();

    render(<App host={host} displayLanguage="zh-CN" />);
    fireEvent.click(screen.getByTestId('tab-settings'));
    await screen.findByText(/示例地区补充表样与审核公式（example-pack.txt）/);
    await audit(/^错误 1/);
  });

  it('a rule set off in the pane is silent; a pack with a typo is refused with its line', async () => {
    const host = await sampleHost();
    render(<App host={host} displayLanguage="zh-CN" />);
    fireEvent.click(screen.getByTestId('tab-settings'));
    const bad = Buffer.from(PACK.toString('utf8').replace('每行：合计 = 货物 + 工程', '每行：合计 = 货物 + 工城'));
    fireEvent.change(screen.getByTestId('pack-input'), { target: { files: [packFile(bad, 'bad.txt')] } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/bad\.txt:19：公式 Z1：表12 没有列“工城”/);
    fireEvent.change(screen.getByTestId('pack-input'), { target: { files: [packFile(PACK, 'example-pack.txt')] } });
    await screen.findByText(/（example-pack.txt）/);
    await audit(/^错误 1/);
    fireEvent.click(screen.getByTestId('tab-settings'));
    fireEvent.click(screen.getByRole('button', { name: /调整规则/ }));
    fireEvent.change(screen.getByRole('combobox', { name: /^Z1 / }), { target: { value: 'off' } });
    await waitFor(() => expect(JSON.parse(host.settings.get(RULES_KEY)!)).toEqual({ Z1: 'off' }));
    await audit(/^错误 0/);
  });
});

describe('OfficeHost settings', () => {
  it('keeps a setting in workbook.settings and removes it', async () => {
    const store = new Map<string, string>();
    const calls: string[] = [];
    const ctx = {
      workbook: {
        settings: {
          add: (k: string, v: string) => {
            calls.push(`add ${k}`);
            store.set(k, v);
          },
          getItemOrNullObject: (k: string) => {
            const item = {
              isNullObject: !store.has(k),
              value: store.get(k),
              load: () => undefined,
              delete: () => {
                calls.push(`delete ${k}`);
                store.delete(k);
              },
            };
            return item;
          },
        },
      },
      sync: async () => undefined,
    };
    const host = new OfficeHost(((batch: (c: unknown) => Promise<unknown>) => batch(ctx)) as never);
    expect(await host.getSetting('k')).toBeUndefined();
    await host.setSetting('k', 'v');
    expect(await host.getSetting('k')).toBe('v');
    await host.setSetting('k', undefined);
    expect(store.has('k')).toBe(false);
    expect(calls).toEqual(['add k', 'delete k']);
  });
});
