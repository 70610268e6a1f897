/** A small argument parser: `command positional… --flag value --switch`. */
export interface ParsedArgs {
  command?: string;
  positional: string[];
  flags: Record<string, string | true>;
  /** Every value of each flag, in order (for repeatable options: `--forms a --forms b`). */
  lists: Record<string, string[]>;
}

export function parseArgs(argv: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: {}, lists: {} };
  const note = (name: string) => {
    const v = out.flags[name];
    if (typeof v === 'string') (out.lists[name] ??= []).push(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        out.flags[a.slice(2, eq)] = a.slice(eq + 1);
        note(a.slice(2, eq));
      } else {
        const name = a.slice(2);
        if (switches.includes(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) out.flags[name] = true;
        else out.flags[name] = argv[++i];
        note(name);
      }
    } else if (a === '-h') {
      out.flags.help = true;
    } else if (out.command === undefined) {
      out.command = a;
    } else {
      out.positional.push(a);
    }
  }
  return out;
}
