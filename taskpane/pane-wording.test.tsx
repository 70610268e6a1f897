/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * Issue 16 items 13, 15, 18 in the pane: groups headed by the rule's title, amounts as the
 * disclosure prints them, English plurals and singular severities; the fill tab holds a confirmed
 * total and tells rounding apart from "all right".
 */
import './test-dom';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryHost } from '../src/host/memory-host';
import { App } from './App';
import { typoSeed001 } from '../scripts/make-samples';
import { publishedSeed001, seed001Workbook } from '../test/helpers/seed001';
import { shownAmount } from './components/AuditTab';
import { tr } from './i18n';

jest.setTimeout(60000);

function setup(model = seed001Workbook(typoSeed001()), display = 'zh-CN') {
  const host = new MemoryHost(model);
  render(<App host={host} displayLanguage={display} />);
  return host;
}

describe('pane wording', () => {
  it('formats the figures of a finding as the disclosure prints them', () => {
    expect(shownAmount('1114.27')).toBe('1,114.27');
    expect(shownAmount('-9')).toBe('-9.00');
    expect(shownAmount('311.2')).toBe('311.20');
    expect(shownAmount('0.98765')).toBe('0.98765');
  });

  it('heads rule groups with the rule title and shows 应为 / 实为 / 差额 formatted', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
    await screen.findByTestId('audit-counts');
    const headings = screen.getAllByTestId('rule-heading').map((h) => h.textContent);
    expect(headings).toContain('科目层级合计（类 = Σ款，款 = Σ项）（H1）');
    expect(headings.every((h) => !/^[A-Z]+\d+$/.test(h ?? ''))).toBe(true);
    const t3 = screen.getAllByTestId('finding').find((f) => f.textContent?.includes('E8 '))!;
    expect(t3.textContent).toContain('应为 311.20');
    expect(t3.textContent).toContain('实为 302.20');
    expect(t3.textContent).toContain('差额 -9.00');
  });

  it('in English: singular severities on a finding, plurals in the counts', async () => {
    setup(seed001Workbook(typoSeed001()), 'en-US');
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await screen.findByTestId('audit-counts');
    expect(screen.getByTestId('audit-counts').textContent).toBe('5 errors0 warnings0 notes');
    const first = screen.getAllByTestId('finding')[0];
    expect(first.textContent).toMatch(/^Error /);
    expect(first.textContent).not.toMatch(/Errors/);
    expect(tr('en', 'ui.count.warning', { n: 1 })).toBe('1 warning');
    expect(tr('en', 'ui.count.info', { n: 1 })).toBe('1 note');
    expect(tr('en', 'ui.fill.count', { n: 1, empty: 1, wrong: 0 })).toBe('1 cell to fill (1 empty, 0 wrong)');
  });

  it('填充 on the typo sample: no change to 表6, the held total explained', async () => {
    setup();
    fireEvent.click(screen.getByRole('tab', { name: '填充' }));
    fireEvent.click(screen.getByRole('button', { name: '计算填充' }));
    await screen.findByTestId('fill-held');
    const items = screen.getAllByTestId('fill-item').map((i) => i.textContent);
    expect(items.some((t) => t?.startsWith('表6'))).toBe(false);
    const held = within(screen.getByTestId('fill-held')).getByText(/表6!E7 为 336\.70/);
    expect(held.textContent).toContain('141.30 可能应为 114.30');
  });

  it('填充 on the published sample tells its rounding differences from "all right"', async () => {
    setup(seed001Workbook(publishedSeed001()));
    fireEvent.click(screen.getByRole('tab', { name: '填充' }));
    fireEvent.click(screen.getByRole('button', { name: '计算填充' }));
    const rounding = await screen.findByTestId('fill-rounding');
    expect(rounding.textContent).toMatch(/^\d+ 个派生单元格与其组成项之和有舍入差异/);
    expect(screen.queryByText('所有派生单元格都已正确')).toBeNull();
  });
});

describe('说明 tab', () => {
  it('shows the budget year the draft uses and where it was read', async () => {
    setup();
    fireEvent.click(screen.getByRole('tab', { name: '说明' }));
    fireEvent.click(screen.getByTestId('narrative-draft'));
    const info = await screen.findByTestId('narrative-year-info');
    expect(info.textContent).toMatch(/^预算年度 2025，取自空表说明“阿图什市社会保险中心2025年没有使用/);
    const draft = (await screen.findByTestId('narrative-draft-text')) as HTMLTextAreaElement;
    expect(draft.value).toContain('关于阿图什市社会保险中心2025年收支预算情况的总体说明');
  });

  it('uses the year typed by the clerk', async () => {
    setup();
    fireEvent.click(screen.getByRole('tab', { name: '说明' }));
    fireEvent.change(screen.getByTestId('narrative-year'), { target: { value: '2026' } });
    fireEvent.click(screen.getByTestId('narrative-draft'));
    expect((await screen.findByTestId('narrative-year-info')).textContent).toBe('预算年度 2026（指定）');
  });
});
