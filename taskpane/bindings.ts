/**
 * 此表是… in the pane, without React: the forms a sheet can be bound to, and the bindings kept with
 * the workbook (in its settings, like the packs and rule settings) and restored when the pane opens.
 */
import { WorkbookHost } from '../src/host/types';
import { Lang, message } from '../src/i18n/messages';
import { allTemplates, TableTemplate } from '../src/templates';
import type { LoadedPack } from './packs';

export const BINDINGS_KEY = 'budget-check.bindings';

export interface BindChoice {
  id: string;
  label: string;
}

const FAMILIES = ['dept', 'sh', 'final', 'si'];

/** The forms to choose from, by family (built-in first, then the packs'), each `表N 标题`. */
export function bindChoices(packs: readonly LoadedPack[], lang: Lang): { family: string; choices: BindChoice[] }[] {
  const all: TableTemplate[] = [...allTemplates(), ...packs.flatMap((p) => p.compiled.pack.forms)];
  const groups = new Map<string, BindChoice[]>();
  for (const t of all) {
    const family = FAMILIES.includes(t.family) ? t.family : 'other';
    const label = `表${t.no} ${lang === 'zh' ? t.title : `${t.nameEn} (${t.title})`}`;
    if (!groups.has(family)) groups.set(family, []);
    if (!groups.get(family)!.some((c) => c.id === t.id)) groups.get(family)!.push({ id: t.id, label });
  }
  return [...groups].map(([family, choices]) => ({
    family: message(`ui.bind.family.${family}`)[lang],
    choices,
  }));
}

export async function saveBindings(host: WorkbookHost, bindings: Readonly<Record<string, string>>): Promise<void> {
  if (!host.setSetting) return;
  await host.setSetting(BINDINGS_KEY, Object.keys(bindings).length ? JSON.stringify(bindings) : undefined);
}

export async function restoreBindings(host: WorkbookHost): Promise<Record<string, string>> {
  if (!host.getSetting) return {};
  try {
    const text = await host.getSetting(BINDINGS_KEY);
    const v = text ? (JSON.parse(text) as unknown) : {};
    if (!v || typeof v !== 'object') return {};
    return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** `bindings` with `sheet` bound to `id`, or unbound when `id` is empty. */
export function withBinding(
  bindings: Readonly<Record<string, string>>,
  sheet: string,
  id: string,
): Record<string, string> {
  const next = { ...bindings };
  if (id) next[sheet] = id;
  else delete next[sheet];
  return next;
}
