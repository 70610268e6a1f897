/**
 * Messages as data (issue 11 item 5): every finding the engine gives on the samples and the
 * fixtures (seeds, real transcriptions, 社会保险基金 packages, packages with their text, `--forms
 * none`, perturbed synthetic packages — test/helpers/all-findings.ts) carries its `messageId` and
 * `params`, and its `message`/`messageEn` are exactly what the catalogues render from them.
 */
import { allFindings, FindingSource } from './helpers/all-findings';
import { message, messageInLocale } from '../src/i18n/messages';

jest.setTimeout(240_000);

let sources: FindingSource[] = [];
beforeAll(async () => {
  sources = await allFindings();
});

describe('every finding is a catalogue message with its parameters', () => {
  it('the inputs give findings of many rules (the check is not vacuous)', () => {
    const rules = new Set(sources.flatMap((s) => s.findings.map((f) => f.rule)));
    expect(sources.length).toBeGreaterThan(30);
    expect(rules.size).toBeGreaterThan(30);
  });

  it('no finding lacks a messageId', () => {
    const without = sources.flatMap((s) =>
      s.findings.filter((f) => !f.messageId).map((f) => `${s.source}: ${f.rule} ${f.sheet}!${f.cell} ${f.message}`),
    );
    expect({ count: without.length, first: without.slice(0, 10) }).toEqual({ count: 0, first: [] });
  });

  it('message and messageEn are the rendering of messageId + params, in zh-CN and en', () => {
    const differ: string[] = [];
    for (const s of sources) {
      for (const f of s.findings) {
        if (!f.messageId) continue;
        const m = message(f.messageId, f.params);
        const en = messageInLocale('en', f.messageId, f.params);
        const zh = messageInLocale('zh-CN', f.messageId, f.params);
        if (m.zh !== f.message || zh !== f.message || m.en !== f.messageEn || en !== f.messageEn) {
          differ.push(`${s.source}: ${f.rule} ${f.messageId}: ${f.message} / ${f.messageEn} vs ${m.zh} / ${en}`);
        }
      }
    }
    expect({ count: differ.length, first: differ.slice(0, 10) }).toEqual({ count: 0, first: [] });
  });
});
