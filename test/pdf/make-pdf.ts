/**
 * A small text PDF written by hand, for tests that must not depend on ../shared or LibreOffice:
 * Chinese text through a Type0 font (Identity-H, no embedded font file, a ToUnicode map so the
 * text layer reads back exactly), ruling lines as stroked segments. Coordinates: points, y from the
 * top of an A4 page.
 */
export interface PdfText {
  x: number;
  y: number;
  size: number;
  str: string;
}

export interface PdfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageSpec {
  texts: PdfText[];
  lines?: PdfLine[];
}

const H = 842;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** Width of a string in points at `size` (ASCII half width, everything else full). */
export function textWidth(str: string, size: number): number {
  let w = 0;
  for (const ch of str) w += ch.charCodeAt(0) < 128 ? 0.5 : 1;
  return w * size;
}

export function makePdf(pages: PdfPageSpec[]): Uint8Array {
  // One CID per distinct character.
  const cids = new Map<string, number>();
  for (const p of pages)
    for (const t of p.texts) for (const ch of t.str) if (!cids.has(ch)) cids.set(ch, cids.size + 1);
  const objs: string[] = [];
  const add = (s: string) => {
    objs.push(s);
    return objs.length;
  };
  const stream = (dict: string, body: string) =>
    `<< ${dict} /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
  const catalog = add('');
  const pagesObj = add('');
  const fontDesc = add(
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const widths = [...cids]
    .filter(([ch]) => ch.charCodeAt(0) < 128)
    .map(([, cid]) => `${cid} [500]`)
    .join(' ');
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${fontDesc} 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`,
  );
  const entries = [...cids].map(
    ([ch, cid]) => `<${hex4(cid)}> <${[...ch].map((c) => hex4(c.charCodeAt(0))).join('')}>`,
  );
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    cmap += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend';
  const toUnicode = add(stream('', cmap));
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const kids: number[] = [];
  for (const p of pages) {
    let body = '';
    for (const l of p.lines ?? []) body += `0.5 w ${l.x0} ${H - l.y0} m ${l.x1} ${H - l.y1} l S\n`;
    for (const t of p.texts) {
      const hex = [...t.str].map((ch) => hex4(cids.get(ch)!)).join('');
      body += `BT /F1 ${t.size} Tf 1 0 0 1 ${t.x} ${H - t.y} Tm <${hex}> Tj ET\n`;
    }
    const content = add(stream('', body));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 ${H}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return pdfFile(objs, `/Root ${catalog} 0 R`);
}

/**
 * A table on a ruled grid: `cells[r][c]` (text or ''), column widths, rows of `rowH` points from
 * `top`; text left-aligned with a 3-point margin, figures right-aligned.
 */
export function gridTable(
  cells: string[][],
  widths: number[],
  options: { left?: number; top: number; rowH?: number; size?: number },
): PdfPageSpec {
  const left = options.left ?? 40;
  const rowH = options.rowH ?? 20;
  const size = options.size ?? 10;
  const xs = [left];
  for (const w of widths) xs.push(xs[xs.length - 1] + w);
  const texts: PdfText[] = [];
  const lines: PdfLine[] = [];
  cells.forEach((row, r) => {
    const y = options.top + r * rowH;
    row.forEach((s, c) => {
      if (!s) return;
      const figure = /^[-\d,.]+$/.test(s);
      const x = figure ? xs[c + 1] - 3 - textWidth(s, size) : xs[c] + 3;
      texts.push({ x, y: y + rowH / 2 + size * 0.35, size, str: s });
    });
  });
  for (let r = 0; r <= cells.length; r++)
    lines.push({ x0: xs[0], y0: options.top + r * rowH, x1: xs[xs.length - 1], y1: options.top + r * rowH });
  for (const x of xs) lines.push({ x0: x, y0: options.top, x1: x, y1: options.top + cells.length * rowH });
  return { texts, lines };
}

/** Objects 1…n (object k at index k − 1) written as a PDF file with its xref table and trailer. */
export function pdfFile(objs: readonly string[], trailer: string): Uint8Array {
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objs.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** A page with no text at all (what a scan without OCR looks like to a text reader). */
export function imageOnlyPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 24 >>\nstream\n0 0 0 rg 50 50 100 100 re f\nendstream',
  ];
  return pdfFile(objs, '/Root 1 0 R');
}

/**
 * A PDF protected by a user password (the standard security handler, revision 2): the /U entry
 * matches no key made from the empty password, so a reader must ask for a password.
 */
export function encryptedPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> /P -44 >>`,
  ];
  const id = '0123456789abcdef0123456789abcdef';
  return pdfFile(objs, `/Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>]`);
}

/** The test package: a 一般公共预算财政拨款支出决算表 whose 合计 row is 50.00 off, and a line of text. */
export function samplePdf(extraText: PdfText[] = []): Uint8Array {
  const table = gridTable(
    [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '300.00', '100.00', '150.00'],
      ['201', '一般公共服务支出', '250.00', '100.00', '150.00'],
      ['20106', '财政事务', '250.00', '100.00', '150.00'],
      ['2010601', '行政运行', '250.00', '100.00', '150.00'],
    ],
    [70, 140, 80, 80, 80],
    { top: 150 },
  );
  return makePdf([
    {
      texts: [
        { x: 150, y: 100, size: 16, str: '一般公共预算财政拨款支出决算表' },
        { x: 470, y: 135, size: 10, str: '单位：万元' },
        ...table.texts,
        { x: 40, y: 300, size: 12, str: '2024年度一般公共预算财政拨款支出250.00万元。' },
        ...extraText,
      ],
      lines: table.lines,
    },
  ]);
}
