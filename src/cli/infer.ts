/**
 * `budget-check infer FILE [--out pack.txt] [--forms PACK|none]`: the structure inferred on every
 * table of no declared form, written as a pack (表样 + 审核公式) for a reviewer to check and keep.
 * With `--forms none` every table is inferred (the built-in forms off). The pack goes to --out
 * (or stdout); a summary per table to stderr. Exit 0; 2 when the file or a pack cannot be read.
 */
import * as fs from 'fs';
import { packsFor, readFailure } from '../batch/job';
import { PackError } from '../formulas/pack';
import { inferPack } from '../infer/pack';
import { readXlsx } from '../xlsx/read';
import { ArgsError, parseArgs } from './args';
import type { Io } from './main';

export async function inferCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  if (args.positional.length !== 1)
    throw new ArgsError('请给出一个要推断的 .xlsx 文件', 'give one .xlsx file to infer from');
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
    model = await readXlsx(fs.readFileSync(file));
  } catch (e) {
    const r = readFailure(e);
    io.stderr(`无法读取 / cannot read ${file}: ${r.zh} / ${r.en}\n`);
    return 2;
  }
  const name = file.replace(/^.*[\\/]/, '').replace(/\.\w+$/, '');
  const res = inferPack(model, { builtinForms, packs, name: `推断的表样和勾稽关系：${name}` });
  for (const t of res.tables) {
    io.stderr(
      t.form
        ? `${t.sheet}: 表样 form ${t.form}, ${t.formulas} 条公式 formulas${t.left ? `, ${t.left} 个未采用 not used` : ''}\n`
        : `${t.sheet}: 未能写成表样 not written as a form — ${t.notes[t.notes.length - 1] ?? ''}\n`,
    );
  }
  if (res.tables.length === 0)
    io.stderr(
      '没有可推断的表（所有表都已按声明的表样识别，或没有找到表）/ no table to infer (all recognised, or none found)\n',
    );
  if (out) {
    fs.writeFileSync(out, res.text);
    io.stderr(`审核包已写入 pack written: ${out}\n`);
  } else io.stdout(res.text);
  return 0;
}
