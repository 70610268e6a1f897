/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * 填充 when Excel refuses a write (issue 15, item 7): a protected sheet or a cell in edit mode
 * fails the sync, perhaps after part of the batch was applied. The pane says so, reads the
 * workbook again, and keeps undo consistent.
 */
import '../test-dom';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MemoryHost } from '../../src/host/memory-host';
import { CellWrite } from '../../src/host/types';
import { DEFAULT_SETTINGS } from '../actions';
import { typoSeed001 } from '../../scripts/make-samples';
import { seed001Workbook } from '../../test/helpers/seed001';
import { FillTab } from './FillTab';

jest.setTimeout(60000);

/** A host whose next write applies only its first `applied` cells, then fails like a refused sync. */
class FailingHost extends MemoryHost {
  failNext?: { applied: number; message: string };
  override async write(writes: readonly CellWrite[]): Promise<void> {
    const f = this.failNext;
    if (!f) return super.write(writes);
    this.failNext = undefined;
    await super.write(writes.slice(0, f.applied));
    throw new Error(f.message);
  }
}

function setup() {
  const host = new FailingHost(seed001Workbook(typoSeed001()));
  render(
    <FluentProvider theme={webLightTheme}>
      <FillTab host={host} settings={DEFAULT_SETTINGS} lang="zh" />
    </FluentProvider>,
  );
  return host;
}

async function proposeAndTick(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: '计算填充' }));
  await screen.findByTestId('fill-list');
  fireEvent.click(screen.getByRole('checkbox', { name: /^表3!F8：287\.48 → 278\.48/ }));
}

describe('填充 when a write fails', () => {
  it('shows the error, reads again, and undo puts back the part that was written', async () => {
    const host = setup();
    await proposeAndTick();
    const reads = host.calls.read;
    host.failNext = { applied: 1, message: 'The sheet is protected.' };
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^写入所选/ }));
    });
    const alert = await screen.findByText(/写入未完成：The sheet is protected\./);
    expect(alert.textContent).toContain('撤销上次填充');
    expect(host.calls.read).toBe(reads + 1);
    // The first cell of the batch was written: undo is there for it.
    const written = host.workbook.sheets.flatMap((s) => s.rows.flat()).filter((c) => c?.f).length;
    expect(written).toBeGreaterThan(0);
    const undo = screen.getByRole('button', { name: '撤销上次填充' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(undo);
    });
    await screen.findByText(/已恢复/);
    expect(host.cellAt('表3', 'F8')?.v).toBe(287.48);
  });

  it('a failed undo keeps its record, so it can be tried again', async () => {
    const host = setup();
    await proposeAndTick();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^写入所选/ }));
    });
    await waitFor(() => expect(host.cellAt('表3', 'F8')?.v).toBe(278.48));
    host.failNext = { applied: 0, message: 'Excel is in cell-editing mode.' };
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '撤销上次填充' }));
    });
    await screen.findByText(/撤销未完成：Excel is in cell-editing mode\./);
    expect(host.cellAt('表3', 'F8')?.v).toBe(278.48);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '撤销上次填充' }));
    });
    await waitFor(() => expect(host.cellAt('表3', 'F8')?.v).toBe(287.48));
  });
});
