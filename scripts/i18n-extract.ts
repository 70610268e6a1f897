/**
 * Moves messages registered in code into the locale catalogues (`src/i18n/locales/zh-CN.json`,
 * `src/i18n/locales/en.json`): every `registerMessages({ key: { zh, en } })` block in src/,
 * taskpane/ and functions/ (tests excepted), and the `catalogue` literal of src/i18n/messages.ts.
 * Each entry is written into both catalogues (the code's text wins over an older catalogue text)
 * and removed from the source; an emptied `registerMessages` call goes, and so does its import.
 *
 *   npm run i18n:extract                 every file
 *   npm run i18n:extract -- src/engine   only files under the paths given
 *   npm run i18n:extract -- --check      change nothing; exit 1 when something is left to migrate
 *
 * Only literal text is moved (string literals, templates without `${}`, and `+` of those); an entry
 * built otherwise is reported and left in code.
 *
 * It also writes `src/i18n/locales/index.ts`, the list of the catalogues found there (every
 * `<tag>.json`): a third language is one file plus this command. `--check` fails when the index is
 * stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const LOCALES = path.join(ROOT, 'src/i18n/locales');
const SCAN = ['src', 'taskpane', 'functions', 'playground'];
const MESSAGES_FILE = path.join(ROOT, 'src/i18n/messages.ts');

export type Catalogue = Record<string, string>;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The text of a literal expression, or undefined when it is not one. */
function literal(e: ts.Expression): string | undefined {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isParenthesizedExpression(e)) return literal(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = literal(e.left);
    const b = literal(e.right);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  return undefined;
}

function propName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(p)) return undefined;
  const n = p.name;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  return undefined;
}

export interface Entry {
  key: string;
  zh: string;
  en: string;
  file: string;
  line: number;
}

interface Block {
  /** The object literal holding the entries. */
  object: ts.ObjectLiteralExpression;
  /** The statement to remove when the object empties (a `registerMessages(...)` call); none for a variable. */
  statement?: ts.Statement;
}

function blocksOf(sf: ts.SourceFile, file: string): Block[] {
  const out: Block[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'registerMessages' &&
      node.arguments.length === 1 &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const stmt = ts.isExpressionStatement(node.parent) ? node.parent : undefined;
      out.push({ object: node.arguments[0], statement: stmt });
    }
    if (
      path.resolve(file) === MESSAGES_FILE &&
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'catalogue' &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      out.push({ object: node.initializer });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The entries of one file that can move, and the file's text without them (or undefined when unchanged). */
export function extractFile(file: string, text = fs.readFileSync(file, 'utf8')) {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const entries: Entry[] = [];
  const problems: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const rel = path.relative(ROOT, file);
  for (const block of blocksOf(sf, file)) {
    const keep: ts.ObjectLiteralElementLike[] = [];
    for (const p of block.object.properties) {
      const key = propName(p);
      const value = ts.isPropertyAssignment(p) ? p.initializer : undefined;
      let zh: string | undefined;
      let en: string | undefined;
      if (value && ts.isObjectLiteralExpression(value)) {
        for (const q of value.properties) {
          const n = propName(q);
          if (!ts.isPropertyAssignment(q)) continue;
          if (n === 'zh') zh = literal(q.initializer);
          if (n === 'en') en = literal(q.initializer);
        }
      }
      const line = sf.getLineAndCharacterOfPosition(p.getStart(sf)).line + 1;
      if (key === undefined || zh === undefined || en === undefined) {
        problems.push(`${rel}:${line}: ${key ?? '(computed key)'} is not literal text; left in code`);
        keep.push(p);
        continue;
      }
      entries.push({ key, zh, en, file: rel, line });
    }
    if (keep.length === block.object.properties.length) continue;
    if (keep.length === 0 && block.statement) {
      edits.push({ start: block.statement.getFullStart(), end: block.statement.getEnd(), text: '' });
    } else {
      const inner = keep.map((p) => p.getFullText(sf).replace(/^\s*\n/, '')).join(',\n');
      edits.push({
        start: block.object.getStart(sf),
        end: block.object.getEnd(),
        text: keep.length ? `{\n${inner},\n}` : '{}',
      });
    }
  }
  if (!edits.length) return { entries, problems, text: undefined as string | undefined };
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = dropUnusedImport(out, file);
  return { entries, problems, text: out };
}

/** Removes `registerMessages` from the import list when the file no longer calls it. */
function dropUnusedImport(text: string, file: string): string {
  if (path.resolve(file) === MESSAGES_FILE) return text;
  const uses = text.match(/\bregisterMessages\b/g)?.length ?? 0;
  if (uses !== 1) return text;
  return text.replace(/import \{([^}]*)\} from '([^']*i18n\/messages)';\n/, (whole, names: string, from: string) => {
    const rest = names
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && s !== 'registerMessages');
    return rest.length ? `import { ${rest.join(', ')} } from '${from}';\n` : '';
  });
}

export function readCatalogue(locale: string): Catalogue {
  const file = path.join(LOCALES, `${locale}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue) : {};
}

export function writeCatalogue(locale: string, cat: Catalogue): void {
  const sorted: Catalogue = {};
  for (const k of Object.keys(cat).sort()) sorted[k] = cat[k];
  fs.mkdirSync(LOCALES, { recursive: true });
  fs.writeFileSync(path.join(LOCALES, `${locale}.json`), JSON.stringify(sorted, null, 2) + '\n');
}

/** A locale file's import name: `zh-CN` → `zhCN`. */
function importName(tag: string): string {
  return 'locale' + tag.replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The locale tags of a directory's catalogues (`<tag>.json`), sorted. */
export function localeTagsIn(dir = LOCALES): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^[A-Za-z][\w-]*\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** The text of `index.ts` for the catalogues of a directory. */
export function localeIndexSource(dir = LOCALES): string {
  const tags = localeTagsIn(dir);
  const key = (t: string) => (/^[A-Za-z_$][\w$]*$/.test(t) ? t : `'${t}'`);
  return [
    '/**',
    ' * The locale catalogues beside this file, by tag. Generated by `npm run i18n:extract` from the',
    ' * `<tag>.json` files here: do not edit (a test fails when it is stale).',
    ' */',
    ...tags.map((t) => `import ${importName(t)} from './${t}.json';`),
    '',
    'export const CATALOGUES: Record<string, Record<string, string>> = {',
    ...tags.map((t) => `  ${key(t)}: ${importName(t)},`),
    '};',
    '',
  ].join('\n');
}

export const LOCALE_INDEX = path.join(LOCALES, 'index.ts');

/** Writes the index of a directory's catalogues; true when it changed. */
export function writeLocaleIndex(dir = LOCALES): boolean {
  const file = path.join(dir, 'index.ts');
  const text = localeIndexSource(dir);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.writeFileSync(file, text);
  return true;
}

/** Every file the extraction looks at. */
export function sourceFiles(only: string[] = []): string[] {
  const all = SCAN.flatMap((d) => walk(path.join(ROOT, d)));
  if (!only.length) return all;
  const roots = only.map((p) => path.resolve(ROOT, p));
  return all.filter((f) => roots.some((r) => f === r || f.startsWith(r + path.sep)));
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const only = argv.filter((a) => !a.startsWith('--'));
  const zh = readCatalogue('zh-CN');
  const en = readCatalogue('en');
  const seen = new Map<string, Entry>();
  const rewrites: { file: string; text: string }[] = [];
  const problems: string[] = [];
  const pending: Entry[] = [];
  for (const file of sourceFiles(only)) {
    const r = extractFile(file);
    problems.push(...r.problems);
    for (const e of r.entries) {
      const prior = seen.get(e.key);
      if (prior && (prior.zh !== e.zh || prior.en !== e.en)) {
        problems.push(`${e.file}:${e.line}: ${e.key} also registered at ${prior.file}:${prior.line} with other text`);
        return report(problems, 1);
      }
      seen.set(e.key, e);
      pending.push(e);
    }
    if (r.text !== undefined) rewrites.push({ file, text: r.text });
  }
  if (check) {
    for (const e of pending) console.log(`${e.file}:${e.line}: ${e.key} is registered in code (to migrate)`);
    const stale = !fs.existsSync(LOCALE_INDEX) || fs.readFileSync(LOCALE_INDEX, 'utf8') !== localeIndexSource();
    if (stale) console.log(`${path.relative(ROOT, LOCALE_INDEX)} is stale (run npm run i18n:extract)`);
    return report(problems, pending.length || stale ? 1 : 0);
  }
  for (const e of pending) {
    zh[e.key] = e.zh;
    en[e.key] = e.en;
  }
  writeCatalogue('zh-CN', zh);
  writeCatalogue('en', en);
  for (const r of rewrites) fs.writeFileSync(r.file, r.text);
  if (writeLocaleIndex()) console.log(`${path.relative(ROOT, LOCALE_INDEX)} written: ${localeTagsIn().join(', ')}`);
  console.log(`${pending.length} messages moved from ${rewrites.length} files into src/i18n/locales/{zh-CN,en}.json`);
  return report(problems, 0);
}

function report(problems: string[], code: number): number {
  for (const p of problems) console.error(p);
  return code;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
