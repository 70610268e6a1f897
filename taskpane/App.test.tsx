/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane's parts with @testing-library/react, against the in-memory host.
 */
import './test-dom';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryHost } from '../src/host/memory-host';
import { App, initialLang } from './App';
import { typoSeed001 } from '../scripts/make-samples';
import { seed001Workbook } from '../test/helpers/seed001';

function setup(display = 'zh-CN') {
  const host = new MemoryHost(seed001Workbook(typoSeed001()));
  const utils = render(<App host={host} displayLanguage={display} />);
  return { host, ...utils };
}

async function audit() {
  fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  await screen.findByTestId('audit-counts');
}

// Fluent UI under jsdom is slow on a small shared machine.
jest.setTimeout(30000);

describe('task pane', () => {
  it('is Chinese by default and English when Office is English', () => {
    expect(initialLang('zh-CN')).toBe('zh');
    expect(initialLang('en-US')).toBe('en');
    expect(initialLang(undefined)).toBe('zh');
    setup('en-US');
    expect(screen.getByRole('button', { name: 'Validate' })).toBeTruthy();
  });

  it('一键审核 shows counts by severity and the findings grouped by sheet and rule', async () => {
    setup();
    await audit();
    expect(screen.getByTestId('audit-counts').textContent).toBe('错误 5警告 0提示 0');
    const findings = screen.getAllByTestId('finding');
    expect(findings).toHaveLength(5);
    expect(findings[0].textContent).toContain('应为 346.28');
    expect(within(screen.getByTestId('findings')).getByText('表6')).toBeTruthy();
  });

  it('clicking a finding selects its cell; the filter hides a severity', async () => {
    const { host } = setup();
    await audit();
    fireEvent.click(screen.getAllByTestId('finding').find((f) => f.textContent?.includes('E8 '))!);
    await waitFor(() => expect(host.selection).toEqual({ sheet: '表3', cell: 'E8' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '错误' }));
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
  });

  it('exports the report as a new sheet, marks cells and clears the marks exactly', async () => {
    const { host } = setup();
    host.fills.set('表3!E8', '#00FF00');
    await audit();
    fireEvent.click(screen.getByRole('button', { name: '导出审核报告' }));
    await screen.findByText('已插入工作表“审核报告”');
    expect(host.workbook.sheets.map((s) => s.name)).toContain('审核报告');
    fireEvent.click(screen.getByRole('button', { name: '标记单元格' }));
    await waitFor(() => expect(host.fills.get('表3!E8')).toBe('#F8CBAD'));
    const clear = screen.getByRole('button', { name: '清除标记' }) as HTMLButtonElement;
    await waitFor(() => expect(clear.disabled).toBe(false));
    fireEvent.click(clear);
    await waitFor(() => expect(host.fills.get('表3!E8')).toBe('#00FF00'));
    expect([...host.fills.keys()]).toEqual(['表3!E8']);
  });

  it('填充 lists old → new, writes only what is ticked, and undoes', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('tab', { name: '填充' }));
    fireEvent.click(screen.getByRole('button', { name: '计算填充' }));
    await screen.findByTestId('fill-list');
    const item = screen.getByRole('checkbox', { name: /^表3!F8：287\.48 → 278\.48/ }) as HTMLInputElement;
    expect(item.checked).toBe(false);
    fireEvent.click(item);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '写入所选（1）' }));
    });
    await waitFor(() => expect(host.cellAt('表3', 'F8')?.v).toBe(278.48));
    expect(host.cellAt('表6', 'D7')?.v).toBe(336.7);
    fireEvent.click(screen.getByRole('button', { name: '撤销上次填充' }));
    await waitFor(() => expect(host.cellAt('表3', 'F8')?.v).toBe(287.48));
  });

  it('switches language in 设置', async () => {
    setup();
    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('tab', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Check' }));
    expect(screen.getByRole('button', { name: 'Validate' })).toBeTruthy();
  });
});
