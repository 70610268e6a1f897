/**
 * `budget-check infer FILE [--out pack.txt] [--forms PACK|none]`: the structure inferred on every
 * table of no declared form, written as a pack (表样 + 审核公式) for a reviewer to check and keep.
 * With `--forms none` every table is inferred (the built-in forms off). The pack goes to --out
 * (or stdout); a summary per table to stderr. Exit 0; 2 when the file or a pack cannot be read.
 */
import * as fs from 'fs';
import { packsFor, readFailure } from '../batch/job';
import { PackError } from '../formulas/pack';
import { message, MessageParams } from '../i18n/messages';
import { inferPack } from '../infer/pack';
import { readXlsxInNode } from '../xlsx/node-inflate';
import { ArgsError, parseArgs } from './args';
import type { Io } from './main';

/** Chinese first, then English (as every CLI line). */
function both(key: string, params?: MessageParams): string {
  const m = message(key, params);
  return m.zh === m.en ? m.zh : `${m.zh} / ${m.en}`;
}

export async function inferCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  if (args.positional.length !== 1) throw new ArgsError(message('inferCli.oneFile').zh, message('inferCli.oneFile').en);
  const file = args.positional[0];
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  const builtinForms = !(args.lists.forms ?? []).includes('none');
  const formsPaths = (args.lists.forms ?? []).filter((f) => f !== 'none');
  let packs;
  try {
    packs = await packsFor(formsPaths);
  } catch (e) {
    if (e instanceof PackError)
      throw new ArgsError(`审核包有误：\n${e.message}`, `the pack has problems:\n${e.message}`);
    const r = readFailure(e);
    throw new ArgsError(`无法读取审核包：${r.zh}`, `cannot read the pack: ${r.en}`);
  }
  let model;
  try {
    model = await readXlsxInNode(fs.readFileSync(file));
  } catch (e) {
    const r = readFailure(e);
    io.stderr(`无法读取 / cannot read ${file}: ${r.zh} / ${r.en}\n`);
    return 2;
  }
  const name = file.replace(/^.*[\\/]/, '').replace(/\.\w+$/, '');
  const res = inferPack(model, { builtinForms, packs, name: `${message('inferPack.name').zh}：${name}` });
  for (const t of res.tables) {
    const left = t.left ? message('inferCli.left', { n: t.left }) : { zh: '', en: '' };
    const p = { sheet: t.sheet, form: t.form ?? '', n: t.formulas };
    const line = t.form
      ? `${message('inferCli.table', { ...p, left: left.zh }).zh} / ${message('inferCli.table', { ...p, left: left.en }).en}`
      : both('inferCli.notWritten', { sheet: t.sheet, why: t.notes[t.notes.length - 1] ?? '' });
    io.stderr(`${line}\n`);
  }
  if (res.tables.length === 0) io.stderr(`${both('inferCli.none')}\n`);
  if (out) {
    fs.writeFileSync(out, res.text);
    io.stderr(`${both('inferCli.written', { file: out })}\n`);
  } else io.stdout(res.text);
  return 0;
}
