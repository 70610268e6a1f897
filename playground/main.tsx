/**
 * The browser page: the very same task pane (taskpane/App) beside a grid view of an in-memory
 * workbook. Loads a bundled sample, or any .xlsx opened or dropped; downloads the workbook with
 * the changes and the report. For people without Excel (WPS users) and for end-to-end tests.
 *
 * A dropped PDF is read by the same src/pdf code as the CLI (pdf.js in a worker of this origin):
 * its tables become the workbook (one sheet per table), and clicking a finding on one of them
 * shows the printed page with the cell outlined.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { MemoryHost } from '../src/host/memory-host';
import { readXlsx, WorkbookReadError } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { buildReport, fileReport } from '../src/report/report';
import { reportWorkbook } from '../src/report/xlsx';
import { ValidationResult } from '../src/engine/validate';
import { Lang } from '../src/i18n/messages';
import { PdfReadError } from '../src/pdf/read';
import { pageOf } from '../src/pdf/package';
import type { Finding } from '../src/engine/types';
import type { CellBox } from '../src/pdf/layout';
import { parseA1 } from '../src/workbook/model';
import { Grid } from './Grid';
import { PdfView } from './PdfView';
import { loadPdf } from './pdf';
import css from './playground.css';
import { both } from './text';

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);

const SAMPLE = 'samples/seed001-published.xlsx';
/** Chinese by default, like the pane in Chinese Office; `?lang=en` for English. */
const LANG = new URLSearchParams(location.search).get('lang') === 'en' ? 'en-US' : 'zh-CN';

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Page(): React.JSX.Element {
  const host = React.useMemo(() => new MemoryHost(), []);
  const [version, setVersion] = React.useState(0);
  const [fileName, setFileName] = React.useState(SAMPLE.split('/').pop()!);
  const [error, setError] = React.useState<string | undefined>();
  const [dragging, setDragging] = React.useState(false);
  const [paneKey, setPaneKey] = React.useState(0);
  /** the PDF the workbook was rebuilt from, and where each cell was printed */
  const [pdf, setPdf] = React.useState<
    { bytes: Uint8Array; boxes: Map<string, Map<string, CellBox>>; text: string } | undefined
  >();
  const [pdfClosed, setPdfClosed] = React.useState(false);

  React.useEffect(
    () =>
      host.subscribe((e) => {
        if (e.type === 'select') setPdfClosed(false);
        setVersion((v) => v + 1);
      }),
    [host],
  );

  const open = React.useCallback(
    async (bytes: Uint8Array, name: string) => {
      setError(undefined);
      try {
        const isPdf = /\.pdf$/i.test(name) || String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
        if (isPdf) {
          const pkg = await loadPdf(bytes);
          host.load(pkg.workbook);
          setPdf({ bytes, boxes: pkg.boxes, text: pkg.text });
        } else {
          const model = await readXlsx(bytes);
          host.load(model);
          setPdf(undefined);
        }
        setPdfClosed(false);
        setFileName(name);
        setPaneKey((k) => k + 1);
        document.body.dataset.loaded = name;
      } catch (e) {
        const reason =
          e instanceof WorkbookReadError
            ? `${e.reason.zh} / ${e.reason.en}`
            : e instanceof PdfReadError
              ? e.message
              : e instanceof Error
                ? e.message
                : String(e);
        setError(`${name}：${reason}`);
      }
    },
    [host],
  );

  React.useEffect(() => {
    fetch(SAMPLE)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status}`))))
      .then((b) => open(new Uint8Array(b), SAMPLE.split('/').pop()!))
      .catch((e) => setError(both('page.sampleFailed', { error: e instanceof Error ? e.message : String(e) })));
  }, [open]);

  const onFile = async (f: File | undefined) => {
    if (f) await open(new Uint8Array(await f.arrayBuffer()), f.name);
  };

  // The printed cell of the selection (a finding clicked), when the sheet came from the PDF; a cell
  // left blank on the page shows the page of its row (pageOf), without an outline.
  const sel = host.selection;
  let shown: { page: number; box?: CellBox; label: string } | undefined;
  if (pdf && sel && !pdfClosed && pdf.boxes.has(sel.sheet)) {
    try {
      const { r, c } = parseA1(sel.cell);
      const box = pdf.boxes.get(sel.sheet)!.get(`${r},${c}`);
      const page =
        box?.page ?? pageOf({ boxes: pdf.boxes, narrative: [] }, { sheet: sel.sheet, cell: sel.cell } as Finding);
      if (page !== undefined)
        shown = {
          page,
          box,
          label: box
            ? `${both('page.pdfPage', { page })} · ${sel.sheet}!${sel.cell}`
            : both('page.pdfPageBlank', { page, where: `${sel.sheet}!${sel.cell}` }),
        };
    } catch {
      // not a cell address
    }
  }
  void version;

  const downloadReport = async (result: ValidationResult, lang: Lang) => {
    const bytes = await reportWorkbook(buildReport([fileReport(fileName, result)]), lang);
    download(bytes, lang === 'zh' ? '审核报告.xlsx' : 'validation-report.xlsx');
  };

  return (
    <div
      className={`page ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void onFile(e.dataTransfer.files?.[0]);
      }}
    >
      <header className="bar">
        <strong>{both('page.title')}</strong>
        <label className="button">
          {both('page.open')}
          <input
            type="file"
            accept=".xlsx,.xlsm,.pdf"
            data-testid="file-input"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        <button
          className="button"
          data-testid="download-workbook"
          onClick={async () =>
            download(
              await writeXlsx(host.workbook),
              pdf
                ? fileName.replace(/\.pdf$/i, '') + '（表格）.xlsx'
                : fileName.replace(/\.xlsx?$/i, '') + '（已修改）.xlsx',
            )
          }
        >
          {both('page.download')}
        </button>
        <span className="file" data-testid="file-name">
          {fileName}
        </span>
        <span className="hint">{both('page.dropHint')}</span>
      </header>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <main className="main">
        <Grid host={host} version={version} />
        {pdf && shown && (
          <PdfView
            bytes={pdf.bytes}
            page={shown.page}
            box={shown.box}
            label={shown.label}
            onClose={() => setPdfClosed(true)}
          />
        )}
        <aside className="pane">
          <App
            key={paneKey}
            host={host}
            displayLanguage={LANG}
            onDownloadReport={downloadReport}
            narrative={pdf?.text}
          />
        </aside>
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
