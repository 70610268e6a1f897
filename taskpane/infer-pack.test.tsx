/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * 设置 → 保存推断的审核包: the structure inferred on the tables no form recognises is offered as a
 * pack text to download; loaded back as a pack, that table is recognised as its inferred form.
 */
import './test-dom';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryHost } from '../src/host/memory-host';
import { validateWorkbook } from '../src/engine/validate';
import { compilePacks } from '../src/formulas/load';
import { parsePackText } from '../src/formulas/pack';
import { allRules } from '../src/rules';
import { readXlsx } from '../src/xlsx/read';
import { App } from './App';

jest.setTimeout(60000);

const root = path.join(__dirname, '..');

function blobText(b: Blob): Promise<string> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });
}

describe('save the inferred pack from the pane', () => {
  it('downloads the pack of the sheet no form recognises (表12 of the example package)', async () => {
    const model = await readXlsx(fs.readFileSync(path.join(root, 'samples/packs/example-package.xlsx')));
    const host = new MemoryHost(model);
    const blobs: Blob[] = [];
    const create = jest.fn((b: Blob) => (blobs.push(b), 'blob:inferred'));
    const revoke = jest.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App host={host} displayLanguage="zh-CN" />);
    fireEvent.click(screen.getByTestId('tab-settings'));
    fireEvent.click(screen.getByRole('button', { name: '保存推断的审核包' }));
    expect((await screen.findByTestId('infer-notice')).textContent).toMatch(
      /已把 1 张未识别表的推断结构保存为审核包（推断的审核包.txt）/,
    );
    expect(create).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    const text = await blobText(blobs[0]);
    expect(text).toMatch(/^表样 infer\./m);
    expect(text).toMatch(/^公式 INF1 强制/m);
    // loaded back, the sheet is recognised as the inferred form
    const packs = compilePacks([parsePackText(text, 'p.txt')], new Set(allRules().map((r) => r.id)));
    const res = validateWorkbook(model, { packs });
    expect(res.sheets.filter((s) => s.template?.startsWith('infer.'))).toHaveLength(1);
  });
});
