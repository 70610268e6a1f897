/**
 * A small argument parser: `command positional… --option value --switch`. Only the options a
 * command knows are accepted: anything else that looks like an option (`--fromat`, `-f`) is
 * refused with the closest valid option, never taken as a file name or silently ignored.
 */
export interface ParsedArgs {
  command?: string;
  positional: string[];
  flags: Record<string, string | true>;
  /** Every value of each option, in order (repeatable options: `--forms a --forms b`). */
  lists: Record<string, string[]>;
}

/** The options one command accepts: those that take a value, and switches. */
export interface OptionSpec {
  values: readonly string[];
  switches: readonly string[];
  /** Options of `values` that may be given more than once (all values are in `lists`). */
  repeatable?: readonly string[];
}

/** A usage error in the arguments, in Chinese and English. */
export class ArgsError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'ArgsError';
  }
}

/** Edit distance counting a swap of two neighbours as one edit (`fromat` is 1 from `format`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The known option closest to `name` (`fromat` → `format`, `f` → `format`), if one is close. */
export function closestOption(name: string, known: readonly string[]): string | undefined {
  const n = name.toLowerCase();
  if (n.length === 1) {
    // `-f`: the first option (in the command's own order) with that letter, e.g. --format before --forms.
    return known.find((k) => k.startsWith(n));
  }
  const prefixed = known.filter((k) => k.startsWith(n) || n.startsWith(k));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const dist = editDistance(n, k);
    if (dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function unknownOption(token: string, known: readonly string[]): ArgsError {
  const guess = closestOption(token.replace(/^-+/, '').split('=')[0], known);
  const hintZh = guess ? `，是否想用 --${guess}？` : '';
  const hintEn = guess ? ` (did you mean --${guess}?)` : '';
  return new ArgsError(`未知选项 ${token}${hintZh}`, `unknown option ${token}${hintEn}`);
}

/**
 * Parses the arguments of `command` with the options `specFor(command)` allows. The command is
 * the first argument unless that is an option (then only the global options apply). `--` ends
 * the options: what follows is taken as file names even when it starts with `-`.
 * Throws {@link ArgsError}.
 */
export function parseArgs(argv: readonly string[], specFor: (command: string | undefined) => OptionSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: {}, lists: {} };
  let i = 0;
  if (argv.length > 0 && !argv[0].startsWith('-')) {
    out.command = argv[0];
    i = 1;
  }
  const spec = specFor(out.command);
  const known = [...spec.values, ...spec.switches];
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      out.flags.help = true;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positional.push(a);
      continue;
    }
    if (!a.startsWith('--')) throw unknownOption(a, known);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (spec.switches.includes(name)) {
      if (eq > 0) throw new ArgsError(`选项 --${name} 不带值`, `option --${name} takes no value`);
      out.flags[name] = true;
    } else if (spec.values.includes(name)) {
      let value: string;
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else throw new ArgsError(`选项 --${name} 需要一个值`, `option --${name} needs a value`);
      if (name in out.flags && !spec.repeatable?.includes(name))
        throw new ArgsError(`选项 --${name} 给了两次`, `option --${name} is given twice`);
      out.flags[name] = value;
      (out.lists[name] ??= []).push(value);
    } else {
      throw unknownOption(a, known);
    }
  }
  return out;
}
