/**
 * The page of a dropped PDF that a finding points at: pdf.js renders the page on a canvas scaled to
 * the panel's width, and the finding's cell box (page units, y from the top) is outlined by a
 * positioned div over it.
 */
import * as React from 'react';
import type { CellBox } from '../src/pdf/layout';
import { pdfJs } from '../src/pdf/read';
import { both } from './text';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PdfDoc = any;

export function PdfView({
  bytes,
  page: pageNo,
  box,
  label,
  onClose,
}: {
  bytes: Uint8Array;
  page: number;
  /** the cell's box on the page (none: a cell blank on the page, the page alone is shown) */
  box?: CellBox;
  label: string;
  onClose: () => void;
}): React.JSX.Element {
  const wrap = React.useRef<HTMLDivElement | null>(null);
  const canvas = React.useRef<HTMLCanvasElement | null>(null);
  const [doc, setDoc] = React.useState<PdfDoc | undefined>();
  const [scale, setScale] = React.useState<number | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const [rendered, setRendered] = React.useState(0);

  // One pdf.js document for the rendering (the reading one is destroyed once the tables are read).
  React.useEffect(() => {
    let live = true;
    let loaded: PdfDoc | undefined;
    pdfJs()
      .then((pdfjs) => pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise)
      .then((d: PdfDoc) => {
        loaded = d;
        if (live) setDoc(d);
        else void d.destroy();
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [bytes]);

  React.useEffect(() => {
    if (!doc || !canvas.current || !wrap.current) return;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    let live = true;
    (async () => {
      const page = await doc.getPage(pageNo);
      const base = page.getViewport({ scale: 1 });
      const width = Math.max(200, wrap.current!.clientWidth - 16);
      const s = width / base.width;
      const viewport = page.getViewport({ scale: s });
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current!;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      const ctx = c.getContext('2d')!;
      task = page.render({
        canvas: c,
        canvasContext: ctx,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      });
      await task!.promise;
      if (live) {
        setScale(s);
        setRendered((n) => n + 1);
      }
    })().catch((e: unknown) => {
      if (live && (e as { name?: string })?.name !== 'RenderingCancelledException')
        setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, pageNo]);

  // Bring the outlined cell into view once drawn.
  const outline = React.useRef<HTMLDivElement | null>(null);
  React.useEffect(() => {
    outline.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [rendered, box]);

  // A box's y is its text's baseline (pdf.js places text by its baseline): the outline goes up by a
  // line's height (the box's own for one line; at most 14 points, a table font's size, for more).
  const pad = 2;
  const lift = box ? Math.min(box.h, 14) : 0;
  return (
    <section className="pdf-view" data-testid="pdf-view" data-page={pageNo} aria-label="PDF">
      <div className="pdf-head">
        <span data-testid="pdf-view-label">{label}</span>
        <button className="button" onClick={onClose} aria-label={both('page.close')}>
          ×
        </button>
      </div>
      {error && (
        <div className="error" role="alert">
          {both('page.pdfCannotShow', { error })}
        </div>
      )}
      <div className="pdf-scroll" ref={wrap}>
        <div className="pdf-page">
          <canvas ref={canvas} data-testid="pdf-canvas" data-rendered={rendered || undefined} />
          {scale !== undefined && box && (
            <div
              ref={outline}
              className="pdf-outline"
              data-testid="pdf-outline"
              style={{
                left: (box.x - pad) * scale,
                top: (box.y - lift - pad) * scale,
                width: (box.w + 2 * pad) * scale,
                height: (box.h + 2 * pad + lift * 0.25) * scale,
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
