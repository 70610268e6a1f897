/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * 此表是… (issue 12): a sheet the pane could not recognise gets a choice of forms under the sheet
 * list; the choice is checked at once, remembered in the workbook's settings, restored by a new
 * pane, and undone by choosing 自动识别 again.
 */
import './test-dom';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryHost } from '../src/host/memory-host';
import { COMMERCE_2025_DEPT_BUDGET } from '../test/fixtures/real/data/sh-putuo-commerce-2025-dept-budget';
import { layOutPackage } from '../test/helpers/real-layout';
import { App } from './App';
import { BINDINGS_KEY } from './bindings';

jest.setTimeout(60000);

/** The Shanghai budget with 表3's title in words no form knows. */
function host(): MemoryHost {
  const { workbook } = layOutPackage(COMMERCE_2025_DEPT_BUDGET);
  workbook.sheets.find((s) => s.name === 'com-03')!.rows[0][0] = { v: '资金安排明细' };
  return new MemoryHost(workbook);
}

const sheetLine = (name: string) =>
  screen
    .getAllByText(new RegExp(`^${name}:`))
    .map((e) => e.textContent ?? '')
    .join('');

async function audit(): Promise<void> {
  fireEvent.click(screen.getByTestId('audit-run'));
  await screen.findByTestId('audit-counts');
}

describe('此表是… in the pane', () => {
  it('binds an unrecognised sheet, checks it at once, remembers it, and unbinds it', async () => {
    const h = host();
    const first = render(<App host={h} displayLanguage="zh-CN" />);
    await audit();
    expect(sheetLine('com-03')).toMatch(/未识别/);
    // only the unrecognised sheet is offered the choice
    const selects = screen.getAllByTestId('bind-select');
    expect(selects.map((s) => s.getAttribute('data-sheet'))).toEqual(['com-03']);
    expect(screen.getByLabelText('com-03 此表是…')).toBe(selects[0]);
    const options = [...(selects[0] as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toContain('表3 部门支出预算总表');
    expect(options).toContain('表5 一般公共预算财政拨款支出决算表');

    fireEvent.change(selects[0], { target: { value: 'sh.t03' } });
    await waitFor(() => expect(sheetLine('com-03')).toBe('com-03: 部门支出预算总表'));
    expect(JSON.parse(h.settings.get(BINDINGS_KEY)!)).toEqual({ 'com-03': 'sh.t03' });
    expect(screen.getByTestId('audit-counts').textContent).toMatch(/^错误 0警告 0/);
    first.unmount();

    // a new pane on the same workbook restores the binding
    render(<App host={h} displayLanguage="zh-CN" />);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    await audit();
    await waitFor(() => expect(sheetLine('com-03')).toBe('com-03: 部门支出预算总表'));
    const again = screen.getByTestId('bind-select') as HTMLSelectElement;
    expect(again.value).toBe('sh.t03');

    fireEvent.change(again, { target: { value: '' } });
    await waitFor(() => expect(sheetLine('com-03')).toMatch(/未识别/));
    expect(h.settings.has(BINDINGS_KEY)).toBe(false);
  });

  it('shows an unrecognised sheet’s nearest form and what did not match, in its finding and the sheet list', async () => {
    const { workbook } = layOutPackage(COMMERCE_2025_DEPT_BUDGET);
    const sheet = workbook.sheets.find((s) => s.name === 'com-03')!;
    sheet.rows[0][0] = { v: '2025年部门专项支出预算汇总表' };
    for (const row of sheet.rows) row.forEach((c) => c?.v === '项目支出' && (c.v = '专项支出'));
    render(<App host={new MemoryHost(workbook)} displayLanguage="zh-CN" />);
    await audit();
    const said =
      '表名“2025年部门专项支出预算汇总表”与“部门支出预算总表”不符（多出“专项”）；表头最接近“部门支出预算总表”（匹配 68%），缺少列：项目支出';
    expect(sheetLine('com-03')).toContain(said);
    expect(screen.getAllByTestId('finding').some((f) => (f.textContent ?? '').includes(said))).toBe(true);
    expect(screen.getAllByTestId('bind-select').map((s) => s.getAttribute('data-sheet'))).toEqual(['com-03']);
  });
});
