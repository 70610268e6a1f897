/**
 * Packs in the pane, without React: load a pack file, keep it with the workbook (as its text, in
 * the workbook's settings), restore it when the pane opens, and the rule settings beside it.
 */
import { allRules } from '../src/rules';
import { compilePacks, packTextFromWorkbook, parsePack } from '../src/formulas/load';
import { CompiledPack, Pack, PackError, RuleSetting } from '../src/formulas/pack';
import { WorkbookHost } from '../src/host/types';
import { inferPack, InferredPack } from '../src/infer/pack';

/** A pack as the pane holds it: its source (to remember it) and its compiled form. */
export interface LoadedPack {
  file: string;
  /** The pack as text (a workbook pack in the text format); JSON stays JSON. */
  source: string;
  compiled: CompiledPack;
}

export const PACKS_KEY = 'budget-check.packs';
export const RULES_KEY = 'budget-check.rules';

const sourceName = (file: string) => (/\.json$/i.test(file) ? file : `${file.replace(/\.(xlsx|xlsm)$/i, '')}.txt`);

async function sourceOf(bytes: Uint8Array, file: string): Promise<string> {
  if (!/\.(xlsx|xlsm)$/i.test(file)) return new TextDecoder('utf-8').decode(bytes);
  const { readXlsx } = await import('../src/xlsx/read');
  return packTextFromWorkbook(await readXlsx(bytes)).text;
}

/** Compiles `packs` in order (each sees the forms of those before it). Throws PackError. */
function compileAll(parsed: readonly { file: string; source: string; pack: Pack }[]): LoadedPack[] {
  const compiled = compilePacks(
    parsed.map((p) => p.pack),
    new Set(allRules().map((r) => r.id)),
  );
  return parsed.map((p, k) => ({ file: p.file, source: p.source, compiled: compiled[k] }));
}

/** Adds a pack file to those loaded; throws PackError (with every problem) when it is wrong. */
export async function addPack(loaded: readonly LoadedPack[], bytes: Uint8Array, file: string): Promise<LoadedPack[]> {
  return withPack(loaded, file, await sourceOf(bytes, file), await parsePack(bytes, file));
}

/** `loaded` with `pack` added (or replacing the pack of the same file), all compiled again in order. */
function withPack(loaded: readonly LoadedPack[], file: string, source: string, pack: Pack): LoadedPack[] {
  return compileAll([...others(loaded, file), { file, source, pack }]);
}

function others(loaded: readonly LoadedPack[], file: string): { file: string; source: string; pack: Pack }[] {
  return loaded.filter((p) => p.file !== file).map((p) => ({ file: p.file, source: p.source, pack: p.compiled.pack }));
}

/** Removes a pack; the others are compiled again (a later pack may have used its forms). */
export function removePack(loaded: readonly LoadedPack[], file: string): LoadedPack[] {
  return compileAll(others(loaded, file));
}

/** Remembers the packs and rule settings with the workbook (when the host can). */
export async function savePackSettings(
  host: WorkbookHost,
  packs: readonly LoadedPack[],
  rules: Readonly<Record<string, RuleSetting>>,
): Promise<void> {
  if (!host.setSetting) return;
  await host.setSetting(
    PACKS_KEY,
    packs.length ? JSON.stringify(packs.map((p) => ({ file: p.file, source: p.source }))) : undefined,
  );
  await host.setSetting(RULES_KEY, Object.keys(rules).length ? JSON.stringify(rules) : undefined);
}

/** What the workbook remembers; a pack that no longer loads is reported, not silently dropped. */
export async function restorePackSettings(host: WorkbookHost): Promise<{
  packs: LoadedPack[];
  rules: Record<string, RuleSetting>;
  problems: string[];
}> {
  const out = { packs: [] as LoadedPack[], rules: {} as Record<string, RuleSetting>, problems: [] as string[] };
  if (!host.getSetting) return out;
  const packsText = await host.getSetting(PACKS_KEY);
  const rulesText = await host.getSetting(RULES_KEY);
  try {
    if (rulesText) out.rules = JSON.parse(rulesText) as Record<string, RuleSetting>;
  } catch {
    out.problems.push(`规则设置无法读取 / the saved rule settings cannot be read`);
  }
  if (!packsText) return out;
  let saved: { file: string; source: string }[] = [];
  try {
    saved = JSON.parse(packsText) as { file: string; source: string }[];
  } catch {
    out.problems.push(`已保存的审核包无法读取 / the saved packs cannot be read`);
    return out;
  }
  for (const s of saved) {
    try {
      // A workbook pack was kept as text: read it back as text.
      const pack = await parsePack(new TextEncoder().encode(s.source), sourceName(s.file));
      out.packs = withPack(out.packs, s.file, s.source, pack);
    } catch (e) {
      out.problems.push(
        e instanceof PackError ? e.message : `${s.file}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return out;
}

/**
 * The structure inferred on the workbook's tables that no form recognises (the loaded packs'
 * forms count as recognised), as a pack text to save and review (设置 → 保存推断的审核包).
 */
export async function inferredPack(host: WorkbookHost, loaded: readonly LoadedPack[]): Promise<InferredPack> {
  const model = await host.read();
  return inferPack(model, { packs: loaded.map((p) => p.compiled) });
}

/** Offers a text as a download (the pane's web view and the browser page). */
export function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
