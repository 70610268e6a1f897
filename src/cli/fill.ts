/**
 * `budget-check fill FILE --out FILE [--overwrite] [--tolerance auto|<amount>] [--forms PACK…]`
 *
 * Fills every derived cell of a package from the command line, as the pane's 填充 tab does
 * (src/fill/fill.ts proposeFills): each cell gets its formula and the value it computes (cached,
 * so a reader that does not recalculate sees the figure). Empty derived cells are filled; a value
 * the clerk typed (a figure that does not add up, or a text such as `－` where a formula belongs)
 * is kept and reported unless `--overwrite`. Cells held by another check (fill.held) are never
 * changed. The summary goes to stderr, Chinese first, English second.
 */
import * as fs from 'fs';
import type { FillProposal } from '../fill/fill';
import { message } from '../i18n/messages';
import { ArgsError, parseArgs } from './args';
import type { Io } from './main';

/** Both languages on one line: `保留 kept`, `中文 / English`. */
const both = (key: string, params = {}, sep = ' ') => {
  const m = message(key, params);
  return `${m.zh}${sep}${m.en}`;
};

/** Whether a proposal would replace something the clerk typed (a value, not a formula). */
function replacesTyped(p: FillProposal): boolean {
  if (p.kind === 'wrong') return !p.old?.formula;
  const v = p.old?.value;
  return !p.old?.formula && v !== null && v !== undefined && v !== '';
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return (v as { error: string }).error;
  return String(v);
}

export async function fillCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new ArgsError('请给出要填充的工作簿', 'give the workbook to fill');
  if (args.positional.length > 1)
    throw new ArgsError('一次只能填充一个工作簿', `fill takes one workbook, not ${args.positional.length}`);
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (!out) throw new ArgsError('请用 --out 指定输出文件', 'give --out FILE.xlsx');
  const tol = args.flags.tolerance;
  if (tol !== undefined && tol !== true && tol !== 'auto' && !/^\d+(\.\d+)?$/.test(tol))
    throw new ArgsError(`--tolerance 应为 auto 或非负金额：${tol}`, `--tolerance takes auto or an amount: ${tol}`);
  const overwrite = args.flags.overwrite === true;

  const { readXlsxInNode } = await import('../xlsx/node-inflate');
  const { writeXlsx } = await import('../xlsx/write');
  const { nodeDeflateRaw } = await import('../xlsx/node-deflate');
  const { proposeFills, fillWrites } = await import('../fill/fill');
  const { MemoryHost } = await import('../host/memory-host');
  const { packsFor, readFailure, toleranceFrom } = await import('../batch/job');

  let model;
  try {
    model = await readXlsxInNode(fs.readFileSync(file));
  } catch (e) {
    const r = readFailure(e);
    io.stderr(`无法读取 ${file}：${r.zh} / cannot read ${file}: ${r.en}\n`);
    return 2;
  }
  const formsPaths = (args.lists.forms ?? []).filter((f) => f !== 'none');
  const packs = formsPaths.length ? ((await packsFor(formsPaths)) ?? []) : [];
  const result = proposeFills(model, {
    tolerance: toleranceFrom(typeof tol === 'string' ? tol : undefined),
    packs: packs.length ? packs : undefined,
  });
  const apply: FillProposal[] = [];
  const kept: FillProposal[] = [];
  for (const p of result.proposals) (replacesTyped(p) && !overwrite ? kept : apply).push(p);

  const host = new MemoryHost(model);
  await host.write(fillWrites(apply));
  fs.writeFileSync(out, await writeXlsx(host.workbook, { deflateRaw: nodeDeflateRaw }));

  const filled = apply.filter((p) => !replacesTyped(p)).length;
  const replaced = apply.length - filled;
  const none = { zh: '', en: '' };
  const summary = message('fill.summary', {
    filled,
    replaced: replaced ? message('fill.summaryReplaced', { n: replaced }) : none,
    unchanged: result.unchanged,
    kept: kept.length,
    keptNote: kept.length ? message('fill.summaryKeptNote') : none,
    held: result.held.length,
  });
  const lines: string[] = [summary.zh, summary.en];
  for (const p of kept)
    lines.push(
      `  ${both('fill.keptWord')} ${p.id}: ${shown(p.old?.value)} → ${p.formula} = ${p.value}（${p.reason.zh} / ${p.reason.en}）`,
    );
  for (const h of result.held) lines.push(`  ${both('fill.heldWord')} ${h.id}: ${h.why.zh} / ${h.why.en}`);
  if (result.rounding.length) lines.push(`  ${both('fill.rounding', { n: result.rounding.length }, ' / ')}`);
  lines.push(`${both('fill.written')}: ${out}`);
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
