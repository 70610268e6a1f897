/** Reading a 情况说明 from .txt (UTF-8, or GB18030 as Chinese Windows saves it) or .docx. */
import JSZip from 'jszip';

function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('gb18030').decode(bytes);
  } catch {
    return utf8;
  }
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs of a .docx, one per line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = zip.file('word/document.xml');
  if (!doc) throw new Error('不是 Word 文档（没有 word/document.xml）/ not a Word document');
  const xml = await doc.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1])).join(''))
    .join('\n')
    .trim();
}

export async function readNarrative(name: string, bytes: Uint8Array): Promise<string> {
  if (/\.docx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return docxText(bytes);
  return decodeText(bytes);
}
