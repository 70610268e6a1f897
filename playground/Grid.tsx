/** A read-only grid view of an in-memory workbook: sheet tabs, merged cells, fills, the selection. */
import * as React from 'react';
import { formatAmount } from '../src/amount/format';
import { MemoryHost } from '../src/host/memory-host';
import { Cell, columnLetter, a1, MergeIndex, sheetSize } from '../src/workbook/model';
import { formatDecimals } from '../src/recognize/sheet-view';
import { both } from './text';

const MAX_ROWS = 3000;

function display(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (v === null) return cell.f ? '' : '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'number') {
    const d = formatDecimals(cell.z);
    if (d !== undefined && cell.z?.includes('%'))
      return `${formatAmount(v * 100, { decimals: Math.max(0, d - 2), grouping: false })}%`;
    if (d !== undefined) return formatAmount(v, { decimals: d, grouping: (cell.z ?? '').includes(',') });
    return String(v);
  }
  return String(v);
}

export function Grid({ host, version }: { host: MemoryHost; version: number }): React.JSX.Element {
  void version;
  const wb = host.workbook;
  const sheet = wb.sheets.find((s) => s.name === host.activeSheet) ?? wb.sheets[0];
  const selectedRef = React.useRef<HTMLTableCellElement | null>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [version, host.selection]);
  if (!sheet) return <div className="grid-empty">（{both('page.emptyWorkbook')}）</div>;
  const { rows, cols } = sheetSize(sheet);
  const shownRows = Math.min(rows, MAX_ROWS);
  const merges = new MergeIndex(sheet.merges);
  const sel = host.selection?.sheet === sheet.name ? host.selection.cell : undefined;
  const body: React.ReactNode[] = [];
  for (let r = 0; r < shownRows; r++) {
    const tds: React.ReactNode[] = [
      <th key="h" className="rowhead">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < Math.max(cols, 1); c++) {
      const m = merges.at(r, c);
      if (m && (m.r0 !== r || m.c0 !== c)) continue;
      const address = a1(r, c);
      const cell = sheet.rows[r]?.[c];
      const fill = host.fills.get(`${sheet.name}!${address}`);
      const isSel = sel === address;
      const numeric = typeof cell?.v === 'number';
      tds.push(
        <td
          key={c}
          data-cell={address}
          data-selected={isSel ? 'true' : undefined}
          ref={isSel ? selectedRef : undefined}
          rowSpan={m ? m.r1 - m.r0 + 1 : undefined}
          colSpan={m ? m.c1 - m.c0 + 1 : undefined}
          title={cell?.f ? `${address} ${cell.f}` : address}
          className={`${numeric ? 'num' : ''} ${isSel ? 'selected' : ''} ${cell?.f ? 'formula' : ''}`}
          style={fill ? { background: fill } : undefined}
        >
          {display(cell)}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }
  return (
    <div className="grid-wrap">
      <div className="sheet-tabs" role="tablist" aria-label={both('page.sheets')}>
        {wb.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === sheet.name}
            className={s.name === sheet.name ? 'active' : ''}
            onClick={() => host.activate(s.name)}
            data-testid="sheet-tab"
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll" data-testid="grid" data-sheet={sheet.name}>
        <table className="grid">
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: Math.max(cols, 1) }, (_, c) => (
                <th key={c}>{columnLetter(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {rows > MAX_ROWS && <p className="more">{both('page.firstRows', { max: MAX_ROWS, rows })}</p>}
      </div>
    </div>
  );
}
