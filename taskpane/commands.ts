/**
 * Ribbon commands. With the shared runtime they run in the task pane's page, so they can open
 * the pane and drive it. This module is bundled once, into taskpane.js (webpack builds no separate
 * commands.js: `Office.actions.associate` keeps only the last registration of a name, so a second
 * copy without handlers would win). The pane registers what it implements through
 * `setCommandHandler`; a command that arrives before React has registered its handler (a click
 * on 一键审核 while the pane is still loading) is queued and run when the handler arrives.
 */
export type CommandName = 'validateWorkbook' | 'fillWorkbook';
type Handler = () => Promise<void> | void;

const handlers: Partial<Record<CommandName, Handler>> = {};
const queued: CommandName[] = [];

/** Registers the pane's handler for a ribbon command and runs the commands that were waiting for it. */
export function setCommandHandler(name: CommandName, handler: Handler): void {
  handlers[name] = handler;
  const waiting = queued.filter((q) => q === name).length;
  for (let i = queued.length - 1; i >= 0; i--) if (queued[i] === name) queued.splice(i, 1);
  // One run is enough: the handlers bring the pane to a state, they do not count clicks.
  if (waiting > 0)
    void Promise.resolve()
      .then(handler)
      .catch((e: unknown) => console.error(`${name}:`, e));
}

/** Runs a ribbon command: shows the pane, then runs its handler, or queues it until there is one. */
export async function runCommand(name: CommandName, event?: { completed(): void }): Promise<void> {
  try {
    try {
      if (typeof Office !== 'undefined') await Office.addin?.showAsTaskpane?.();
    } catch {
      // Older hosts cannot show the pane from a command; the handler still runs when it is open.
    }
    const handler = handlers[name];
    if (handler) await handler();
    else if (!queued.includes(name)) queued.push(name);
  } finally {
    event?.completed();
  }
}

/** Associates the ribbon's ExecuteFunction names with their commands, once. */
export function registerCommands(office: Pick<typeof Office, 'actions'>): void {
  office.actions.associate('validateWorkbook', (event: Office.AddinCommands.Event) =>
    runCommand('validateWorkbook', event),
  );
  office.actions.associate('fillWorkbook', (event: Office.AddinCommands.Event) => runCommand('fillWorkbook', event));
}

/** For tests: forget handlers and queued commands. */
export function resetCommands(): void {
  for (const k of Object.keys(handlers) as CommandName[]) delete handlers[k];
  queued.length = 0;
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    if (Office.actions) registerCommands(Office);
  });
}
