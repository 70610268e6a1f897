/**
 * `budget-check`: the command-line checker.
 *
 *   budget-check validate <files or folders…> [--format text|json|xlsx] [--out PATH]
 *                [--lang zh|en] [--tolerance auto|<amount>] [--catalog FILE] [--forms PACK…] [--rule ID=off…]
 *                [--bind "Sheet=表5"…]
 *
 * The report goes to stdout (or --out); progress and messages to stderr. Exit 0: no errors;
 * 1: errors found; 2: something could not be read (the other files are still checked).
 */
import * as fs from 'fs';
import { Catalog, catalogFromWorkbook } from '../catalog/catalog';
import { Lang } from '../i18n/messages';
import { buildReport, FileReport, unreadableFile } from '../report/report';
import { formatText } from '../report/text';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { readXlsxInNode } from '../xlsx/node-inflate';
import { ArgsError, closestOption, OptionSpec, parseArgs } from './args';
import { extractCommand } from './extract';
import { expandInputs } from './files';
import { validateFiles } from '../batch/pool';
import { packsFor, readFailure } from '../batch/job';
import { PackError, parseRuleSetting, RuleSetting } from '../formulas/pack';

/** Progress on stderr: a bar on a terminal, a line every few files otherwise. */
function progressReporter(io: Io, total: number): (done: number, all: number, file: string) => void {
  const tty = process.stderr.isTTY && io.stderr === defaultIo.stderr;
  let last = -1;
  return (done, all, file) => {
    if (tty) {
      const width = 30;
      const filled = Math.round((done / all) * width);
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${all} ${done === all ? '\n' : ''}`);
      return;
    }
    const step = Math.max(1, Math.floor(total / 20));
    if (file && (done - last >= step || done === all) && done !== last) {
      last = done;
      io.stderr(`[${done}/${all}] ${file}\n`);
    }
  };
}

export interface Io {
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

const HELP = `${TOOL_NAME} ${TOOL_VERSION} — 部门预算公开与社会保险基金预算表审核 / budget disclosure checker

用法 Usage:
  ${TOOL_NAME} validate <文件或文件夹…> [选项]      （.xlsx 工作簿或公开的 .pdf / workbooks or published PDFs）
      --format text|json|xlsx   报告格式（默认 text）/ report format (default text)
      --out PATH                写入文件（默认输出到标准输出）/ write to a file (default stdout)
      --lang zh|en              报告语言（默认 zh）/ report language (default zh)
      --tolerance auto|<金额>    容差：auto 按舍入区间规则，或固定金额 / tolerance: interval rule or a fixed amount
      --catalog FILE            载入当年官方科目表（.xlsx）/ load the year's official classification list
      --text FILE               同时核对情况说明（.txt 或 .docx）/ also check the 情况说明 text against the tables
      --forms PACK              载入审核包（表样和审核公式，.txt/.json/.xlsx，可重复）/ load a pack of forms and formulas (repeatable)
      --forms none              关闭内置表样，所有表按结构推断审核 / built-in forms off: every table checked by inference
      --rule ID=off|error|warning|info  关闭某条规则或改变其级别（可重复）/ turn a rule off or change its severity (repeatable)
      --bind "工作表=表5"         指定工作表是哪张表（表N、sh.表N、dept.t05 或表名，可重复）/ say which form a sheet holds (repeatable)
      --jobs N                  并行核对的线程数（默认：2 核及以下为 1，否则核数减一，且每线程留 2 GB 内存）/ worker threads for many files (default: 1 on ≤ 2 cores, else cores − 1, at most one per 2 GB of memory)
  ${TOOL_NAME} narrate <package.xlsx> [--prior 上年.xlsx] [--out 说明.txt|.docx] [--year YYYY] [--org 单位名称]
      按表格和上年数起草情况说明（“主要原因是……”留给经办人）/ draft the 情况说明 from the tables and last year's package
  ${TOOL_NAME} template --kind dept|si-a|si-b|final|sh-dept|sh-unit|central|fund|fund-final|fund-exec [--unit 单位名称] [--year YYYY] --out FILE.xlsx
      生成标准表样（派生单元格带公式）/ write the standard workbook, with formulas in derived cells
  ${TOOL_NAME} fill <package.xlsx> --out FILE.xlsx [--overwrite] [--tolerance auto|<金额>] [--forms PACK…]
      填充所有派生单元格（公式及计算值），手填值保留，--overwrite 时改写 / fill every derived cell (formula and value); typed values are kept unless --overwrite
  ${TOOL_NAME} infer <文件.xlsx> [--out 审核包.txt] [--forms PACK|none]
      把未识别表的推断结构写成审核包（表样和审核公式），供核对后使用 / write the inferred structure of unrecognised tables as a pack to review and keep
  ${TOOL_NAME} extract <公开文件.pdf> --out 表格.xlsx [--text 说明.txt]
      把 PDF 中的表格还原为可编辑的工作簿（每表一页），正文另存 / the PDF's tables as an editable workbook (a sheet per table), its text on request
  ${TOOL_NAME} --version

退出码 Exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 有文件无法读取 something could not be read
`;

class UsageError extends Error {}

const GLOBAL = ['help', 'version'];
/** The options each command accepts; anything else is refused with the closest of these. */
const OPTIONS: Record<string, OptionSpec> = {
  validate: {
    values: ['format', 'out', 'lang', 'tolerance', 'catalog', 'text', 'jobs', 'forms', 'rule', 'bind'],
    switches: GLOBAL,
    repeatable: ['forms', 'rule', 'bind'],
  },
  narrate: { values: ['prior', 'out', 'year', 'org'], switches: GLOBAL },
  template: { values: ['kind', 'unit', 'year', 'out'], switches: GLOBAL },
  fill: { values: ['out', 'tolerance', 'forms'], switches: [...GLOBAL, 'overwrite'], repeatable: ['forms'] },
  infer: { values: ['out', 'forms'], switches: GLOBAL, repeatable: ['forms'] },
  extract: { values: ['out', 'text'], switches: GLOBAL },
  help: { values: [], switches: GLOBAL },
};
const COMMANDS = ['validate', 'narrate', 'template', 'fill', 'infer', 'extract', 'help'];

/** The one line printed under a usage error, instead of the whole help. */
const USAGE_HINT = `运行 ${TOOL_NAME} --help 查看用法 / run \`${TOOL_NAME} --help\` for usage\n`;

/** Refuses a --tolerance that is neither `auto` nor an amount (the workers parse it with toleranceFrom). */
function checkTolerance(v: string | true | undefined): void {
  if (v === undefined || v === true || v === 'auto') return;
  if (!/^\d+(\.\d+)?$/.test(v))
    throw new UsageError(`--tolerance 应为 auto 或非负金额 / --tolerance takes auto or an amount: ${v}`);
}

async function loadCatalog(path: string): Promise<Catalog> {
  const model = await readXlsxInNode(fs.readFileSync(path));
  const catalog = catalogFromWorkbook(model, path);
  if (catalog.size === 0) throw new UsageError(`科目表中没有找到编码和名称 / no codes found in the catalogue: ${path}`);
  return catalog;
}

export async function validateCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const format = (args.flags.format ?? 'text') as string;
  if (!['text', 'json', 'xlsx'].includes(format))
    throw new UsageError(`--format 应为 text、json 或 xlsx / unknown format: ${format}`);
  const lang = (args.flags.lang ?? 'zh') as Lang;
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 应为 zh 或 en / unknown language: ${lang}`);
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (format === 'xlsx' && !out) throw new UsageError('xlsx 报告需要 --out 文件名 / the xlsx report needs --out FILE');
  if (args.positional.length === 0)
    throw new UsageError('请给出要审核的文件或文件夹 / give the files or folders to check');
  checkTolerance(args.flags.tolerance);
  let catalog: Catalog | undefined;
  if (typeof args.flags.catalog === 'string') {
    try {
      catalog = await loadCatalog(args.flags.catalog);
      io.stderr(`科目表 catalogue: ${catalog.size} codes from ${args.flags.catalog}\n`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const r = readFailure(e);
      throw new UsageError(`无法读取科目表 / cannot read the catalogue ${args.flags.catalog}: ${r.zh} / ${r.en}`);
    }
  }

  let text: string | undefined;
  if (typeof args.flags.text === 'string') {
    try {
      const { readNarrative } = await import('../narrative/read');
      text = await readNarrative(args.flags.text, fs.readFileSync(args.flags.text));
    } catch (e) {
      const r = readFailure(e);
      throw new UsageError(`无法读取情况说明 / cannot read the text ${args.flags.text}: ${r.zh} / ${r.en}`);
    }
  }

  // `--forms none`: the built-in forms off (every sheet no pack declares goes to the inference).
  const builtinForms = !(args.lists.forms ?? []).includes('none');
  const formsPaths = (args.lists.forms ?? []).filter((f) => f !== 'none');
  if (formsPaths.length) {
    try {
      const packs = await packsFor(formsPaths);
      for (const p of packs ?? [])
        io.stderr(
          `审核包 pack: ${p.pack.name} — ${p.pack.forms.length} 张表样 forms, ${p.formulas.length} 条公式 formulas\n`,
        );
    } catch (e) {
      if (e instanceof PackError) throw new UsageError(`审核包有误 / the pack has problems:\n${e.message}`);
      const r = readFailure(e);
      throw new UsageError(`无法读取审核包 / cannot read the pack: ${r.zh} / ${r.en}`);
    }
  }
  const ruleSettings: Record<string, RuleSetting> = {};
  for (const r of args.lists.rule ?? []) {
    const s = parseRuleSetting(r);
    if (!s)
      throw new UsageError(`--rule 应写成 编号=off|error|warning|info / --rule takes ID=off|error|warning|info: ${r}`);
    ruleSettings[s[0]] = s[1];
  }

  const bindings: Record<string, string> = {};
  for (const b of args.lists.bind ?? []) {
    const k = b.lastIndexOf('=');
    if (k <= 0 || !b.slice(k + 1).trim())
      throw new UsageError(`--bind 应写成 工作表=表N / --bind takes Sheet=表N (or a template id): ${b}`);
    bindings[b.slice(0, k).trim()] = b.slice(k + 1).trim();
  }

  const { files, missing } = expandInputs(args.positional);
  if (text !== undefined && files.length > 1)
    io.stderr('注意：--text 的说明将与每个工作簿核对 / note: the text is checked against every workbook\n');
  const jobs = args.flags.jobs === undefined ? undefined : Number(args.flags.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`--jobs 应为正整数 / --jobs takes a whole number: ${args.flags.jobs}`);
  const progress = files.length > 1 ? progressReporter(io, files.length) : undefined;
  const reports: FileReport[] = missing.map((m) =>
    unreadableFile(m, { zh: '文件不存在', en: 'No such file or folder' }),
  );
  reports.push(
    ...(await validateFiles(files, {
      jobs,
      tolerance: typeof args.flags.tolerance === 'string' ? args.flags.tolerance : 'auto',
      catalogPath: typeof args.flags.catalog === 'string' ? args.flags.catalog : undefined,
      text,
      formsPaths: formsPaths.length ? formsPaths : undefined,
      ruleSettings: Object.keys(ruleSettings).length ? ruleSettings : undefined,
      builtinForms: builtinForms ? undefined : false,
      bindings: Object.keys(bindings).length ? bindings : undefined,
      onProgress: progress,
      // Even one file is checked in a worker thread with a heap limit, as in a batch: a hostile
      // file that would exhaust memory is reported as unreadable (exit 2), never takes the CLI down.
      // (Not when running from the TypeScript sources under jest or tsx, where a worker cannot load
      // the modules the engine imports lazily; the built CLI always isolates.)
      isolate: !__filename.endsWith('.ts'),
    })),
  );
  progress?.(files.length, files.length, '');
  // Nothing to check is not "no problems": the folder was wrong or held no workbooks (exit 2).
  const nothing = files.length === 0 && missing.length === 0;
  if (nothing)
    io.stderr(
      `没有找到工作簿或 PDF（.xlsx、.xlsm、.pdf）：${args.positional.join('、')} / no workbooks or PDFs (.xlsx, .xlsm, .pdf) found in: ${args.positional.join(', ')}\n`,
    );
  const report = buildReport(reports);
  let body: string | Uint8Array;
  if (format === 'json') body = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === 'xlsx') body = await (await import('../report/xlsx')).reportWorkbook(report, lang);
  else body = formatText(report, lang);
  if (out) {
    fs.writeFileSync(out, body);
    io.stderr(`报告已写入 report written: ${out}\n`);
  } else {
    io.stdout(body);
  }
  if (nothing || report.summary.unreadable > 0) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

async function loadTables(file: string) {
  const { recognizeWorkbook } = await import('../recognize/recognize');
  const { repairCodes } = await import('../engine/repair');
  const { bundledCatalog } = await import('../catalog/catalog');
  let model;
  try {
    model = await readXlsxInNode(fs.readFileSync(file));
  } catch (e) {
    const r = readFailure(e);
    throw new UsageError(`无法读取 / cannot read ${file}: ${r.zh} / ${r.en}`);
  }
  const { tables } = recognizeWorkbook(model);
  repairCodes(tables, bundledCatalog());
  return tables;
}

export async function narrateCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const { draftNarrative, figuresOf, yearNotice } = await import('../narrative/draft');
  const file = args.positional[0];
  if (!file) throw new UsageError('请给出部门预算公开工作簿 / give the package workbook');
  const tables = await loadTables(file);
  if (tables.length === 0) throw new UsageError(`${file}：没有识别出任何公开表 / no disclosure table recognised`);
  let prior = new Map();
  let priorNames = new Map<string, string[]>();
  if (typeof args.flags.prior === 'string') {
    const p = figuresOf(await loadTables(args.flags.prior));
    prior = p.figures;
    priorNames = p.names;
  } else {
    io.stderr('未给出 --prior（上年工作簿），说明中不含“比上年”的增减 / no --prior: the draft has no 比上年 changes\n');
  }
  const year = typeof args.flags.year === 'string' ? Number(args.flags.year) : undefined;
  const org = typeof args.flags.org === 'string' ? args.flags.org : undefined;
  const notice = yearNotice(tables, year);
  io.stderr(`${notice.zh} / ${notice.en}\n`);
  const text = draftNarrative(tables, prior, { year, organisation: org, priorNames });
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (!out) {
    io.stdout(text);
    return 0;
  }
  if (/\.docx$/i.test(out)) {
    const { textToDocx } = await import('../narrative/docx-write');
    fs.writeFileSync(out, await textToDocx(text));
  } else fs.writeFileSync(out, text);
  io.stderr(`情况说明草稿已写入 draft written: ${out}\n`);
  return 0;
}

export async function templateCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const kind = (args.flags.kind ?? 'dept') as string;
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (!out) throw new UsageError('请用 --out 指定输出文件 / give --out FILE.xlsx');
  const year = typeof args.flags.year === 'string' ? Number(args.flags.year) : undefined;
  if (year !== undefined && !(year > 1990 && year < 2200))
    throw new UsageError(`--year 应为四位年份 / --year takes a year: ${args.flags.year}`);
  const organisation = typeof args.flags.unit === 'string' ? args.flags.unit : '';
  const { writeXlsx } = await import('../xlsx/write');
  let model;
  if (kind === 'dept') {
    const { departmentWorkbook } = await import('../generate/department');
    model = departmentWorkbook({ organisation, year, class234: year !== undefined && year <= 2024 });
  } else if (kind === 'si-a' || kind === 'si-b') {
    const { fundWorkbook } = await import('../generate/si');
    model = fundWorkbook(kind === 'si-a' ? 'a' : 'b', { organisation: organisation || undefined, year });
  } else if (kind === 'final' || kind === 'sh-dept' || kind === 'sh-unit' || kind === 'central') {
    const { formWorkbook } = await import('../generate/forms');
    model = formWorkbook(kind, { organisation, year });
  } else if (kind === 'fund' || kind === 'fund-final' || kind === 'fund-exec') {
    const { fundFormWorkbook } = await import('../generate/forms');
    model = fundFormWorkbook(kind, { organisation, year });
  } else {
    throw new UsageError(
      `--kind 应为 dept、si-a、si-b、final、sh-dept、sh-unit、central、fund、fund-final 或 fund-exec / unknown kind: ${kind}`,
    );
  }
  fs.writeFileSync(
    out,
    await writeXlsx(model, {
      widths: Object.fromEntries(
        model.sheets.map((s: { name: string }) => [
          s.name,
          [6, 5, 5, 36, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14],
        ]),
      ),
    }),
  );
  io.stderr(`标准表样已写入 template written: ${out}\n`);
  return 0;
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const args = parseArgs(argv, (command) => OPTIONS[command ?? 'help'] ?? OPTIONS.help);
    if (args.flags.version) {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (args.flags.help || !args.command || args.command === 'help') {
      io.stdout(HELP);
      return args.command || args.flags.help ? 0 : 2;
    }
    switch (args.command) {
      case 'validate':
        return await validateCommand(args, io);
      case 'narrate':
        return await narrateCommand(args, io);
      case 'template':
        return await templateCommand(args, io);
      case 'fill':
        return await (await import('./fill')).fillCommand(args, io);
      case 'infer':
        return await (await import('./infer')).inferCommand(args, io);
      case 'extract':
        // extract.ts is small (pdf.js is loaded inside it); a static import keeps `extract` working
        // when main is itself loaded as an ES module (the .mts harness, as pdf.js needs).
        return await extractCommand(args, io);
      default: {
        const guess = closestOption(args.command, COMMANDS);
        throw new UsageError(
          `未知命令 ${args.command}${guess ? `，是否想用 ${guess}？` : ''} / unknown command ${args.command}${guess ? ` (did you mean ${guess}?)` : ''}`,
        );
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ArgsError) {
      io.stderr(`${TOOL_NAME}: ${e.message}\n${USAGE_HINT}`);
      return 2;
    }
    io.stderr(`内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
