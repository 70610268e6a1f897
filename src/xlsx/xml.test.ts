import { Attributes, XmlScanner } from './xml';

/** Events of a document fed in chunks of `size` characters. */
function events(xml: string, size = xml.length, texts = true): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner({
    open: (name: string, a: Attributes, self: boolean) => out.push(`<${name}${JSON.stringify(a)}${self ? '/' : ''}>`),
    close: (name: string) => out.push(`</${name}>`),
    text: (t: string) => {
      // adjacent text pieces are one text
      if (out.length && out[out.length - 1].startsWith('"')) out[out.length - 1] += t;
      else out.push(`"${t}`);
    },
    wantText: () => texts,
  });
  for (let i = 0; i < xml.length; i += size) scanner.push(xml.slice(i, i + size));
  scanner.end();
  return out;
}

const doc =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<!DOCTYPE x [<!ENTITY lol "lololol"><!ENTITY lol2 "&lol;&lol;">]>' +
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" a=\'1\'>' +
  '<!-- a comment with <c> inside -->' +
  '<c r="A1" t="inlineStr" note="a > b"><is><t xml:space="preserve"> 1 &amp; 2 &lt;3&gt; &#20013;&#x6587; &lol2; </t></is></c>' +
  '<f><![CDATA[SUM(A1:A2)<>0]]></f>' +
  '<v/>' +
  '</x:worksheet>';

describe('XmlScanner', () => {
  const whole = events(doc);

  it('reads elements, attributes, entities, CDATA; skips comments, PIs and DOCTYPE', () => {
    expect(whole).toEqual([
      '"\n', // the line break after the declaration
      '<worksheet{"a":"1"}>',
      '<c{"r":"A1","t":"inlineStr","note":"a > b"}>',
      '<is{}>',
      '<t{"space":"preserve"}>',
      '" 1 & 2 <3> 中文 &lol2; ',
      '</t>',
      '</is>',
      '</c>',
      '<f{}>',
      '"SUM(A1:A2)<>0',
      '</f>',
      '<v{}/>',
      '</v>',
      '</worksheet>',
    ]);
  });

  it.each([1, 2, 3, 5, 7, 13, 64])('gives the same events when fed %i characters at a time', (size) => {
    expect(events(doc, size)).toEqual(whole);
  });

  it('does not expand entities a DOCTYPE declares (no billion laughs)', () => {
    expect(whole.join('')).toContain('&lol2;');
    expect(whole.join('')).not.toContain('lololol');
  });

  it('refuses a document that ends inside a tag', () => {
    expect(() => events('<a><b x="1"')).toThrow(/ends inside a tag/);
  });

  it('skips text nobody asked for', () => {
    expect(events('<a>hello</a>', 2, false)).toEqual(['<a{}>', '</a>']);
  });
});
