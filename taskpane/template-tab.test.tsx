/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The 模板 tab writes the standard sheets through the Office.js adapter: against a recording
 * Excel context (every property set and method call logged with its path), code cells and the
 * code columns below them must be text (`@`) before the values go in, or Excel stores `01` as 1;
 * and each sheet gets its look and print setup (widths, 宋体, borders, A4, header rows).
 */
import './test-dom';
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { TemplateTab } from './components/TemplateTab';
import { OfficeHost } from './office-host';

interface Entry {
  path: string;
  value?: unknown;
}

const PATH = Symbol('path');

/** An object that accepts any property or call and logs sets and calls by their path. */
function recorder(path: string, log: Entry[]): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === PATH) return path;
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      return recorder(`${path}.${String(prop)}`, log);
    },
    set(_t, prop, value) {
      log.push({ path: `${path}.${String(prop)}`, value });
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const shown = args.map((a) =>
        typeof a === 'function' ? (a as unknown as Record<symbol, string>)[PATH] : JSON.stringify(a),
      );
      const call = `${path}(${shown.join(',')})`;
      log.push({ path: call });
      return recorder(call, log);
    },
  });
}

function officeHost() {
  const log: Entry[] = [];
  const context = {
    workbook: {
      worksheets: {
        load: () => undefined,
        items: [] as { name: string }[],
        add: (name: string) => recorder(name, log),
      },
    },
    sync: async () => undefined,
  };
  const host = new OfficeHost((batch) => batch(context as unknown as Excel.RequestContext));
  const set = (path: string) => log.filter((e) => e.path === path).map((e) => e.value);
  return { host, log, set };
}

jest.setTimeout(60_000);

async function insert(kind: RegExp) {
  const { host, log, set } = officeHost();
  render(<TemplateTab host={host} lang="zh" />);
  fireEvent.click(screen.getByLabelText(kind));
  fireEvent.change(screen.getByPlaceholderText('2025'), { target: { value: '2025' } });
  fireEvent.click(screen.getByTestId('template-insert'));
  await screen.findByText(/已插入 \d+ 张工作表/);
  return { host, log, set };
}

describe('模板 tab through the Office.js adapter', () => {
  it('writes the fund codes as text: the number format @ is set on every code cell before its value', async () => {
    const { log, set } = await insert(/收入表、支出表、结余表/);
    const whole = '表1.getRangeByIndexes(0,0,';
    const formatsAt = log.findIndex((e) => e.path.startsWith(whole) && e.path.endsWith('.numberFormat'));
    const formulasAt = log.findIndex((e) => e.path.startsWith(whole) && e.path.endsWith('.formulas'));
    expect(formatsAt).toBeGreaterThanOrEqual(0);
    expect(formatsAt).toBeLessThan(formulasAt);
    const formulas = log[formulasAt].value as unknown[][];
    const formats = log[formatsAt].value as string[][];
    const codes: string[] = [];
    formulas.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string' && /^\d{3,}$/.test(v)) {
          codes.push(v);
          expect(`${r},${c}:${formats[r][c]}`).toBe(`${r},${c}:@`);
        }
      }),
    );
    expect(codes).toContain('1020101');
    // The look: 宋体, borders, A4 with the header rows repeated.
    expect(set(`表1.getRangeByIndexes(0,0,1,${formulas[0].length}).getEntireColumn().format.font.name`)).toEqual([
      '宋体',
    ]);
    expect(
      log.some((e) =>
        /^表1\.getRangeByIndexes\(2,0,\d+,\d+\)\.format\.borders\.getItem\("InsideVertical"\)\.style$/.test(e.path),
      ),
    ).toBe(true);
    expect(set('表1.pageLayout.paperSize')).toEqual(['A4']);
    expect(log.some((e) => e.path === '表1.pageLayout.setPrintTitleRows("$3:$4")')).toBe(true);
  });

  it('formats the department code columns as text below the header, so a typed 款 01 keeps its zero', async () => {
    const { log } = await insert(/部门预算公开/);
    // 表3: 类 | 款 | 项 in A:C, data from row 6 (0-based 5).
    const kuan = log.find((e) => /^表3\.getRangeByIndexes\(5,1,\d+,1\)\.numberFormat$/.test(e.path));
    expect(kuan).toBeDefined();
    const formats = kuan!.value as string[][];
    expect(formats.length).toBeGreaterThanOrEqual(100);
    expect(formats.every((row) => row[0] === '@')).toBe(true);
    // Widths from content: the name column is wider than the 类 column.
    const width = (c: number) =>
      log.find((e) => e.path === `表3.getRangeByIndexes(0,${c},1,1).getEntireColumn().format.columnWidth`)
        ?.value as number;
    expect(width(3)).toBeGreaterThan(width(0) * 2);
  });
});
