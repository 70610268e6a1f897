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

  it('a hint with an id is the rendering of hintId + hintParams; every hint has an id but two joined', () => {
    const differ: string[] = [];
    const ids = new Set<string>();
    for (const s of sources) {
      for (const f of s.findings) {
        if (!f.hintId) continue;
        ids.add(f.hintId);
        const m = message(f.hintId, f.hintParams);
        if (m.zh !== f.hint || m.en !== f.hintEn || messageInLocale('en', f.hintId, f.hintParams) !== f.hintEn)
          differ.push(`${s.source}: ${f.rule} ${f.hintId}: ${f.hint} / ${f.hintEn} vs ${m.zh} / ${m.en}`);
      }
    }
    expect({ count: differ.length, first: differ.slice(0, 10) }).toEqual({ count: 0, first: [] });
    // F15's 提示语 (src/rules/final/formulas.ts) and the SI-5 year-shift hint, at least.
    expect([...ids].sort()).toEqual(expect.arrayContaining(['SI-5.shift', 'formula.F15.hint']));
    // Every other hint has one too, but an inferred rule's two hints joined (`…；…`).
    const plain = sources.flatMap((s) =>
      s.findings.filter((f) => f.hint && !f.hintId && !(/^G\d/.test(f.rule) && f.hint.includes('；'))),
    );
    expect(plain.map((f) => `${f.rule} ${f.hint}`)).toEqual([]);
    const builtin = sources.flatMap((s) => s.findings).filter((f) => /^F1[45]$/.test(f.rule) && f.hint);
    expect(builtin.length).toBeGreaterThan(0);
    expect(builtin.filter((f) => !f.hintId)).toEqual([]);
  });
});
