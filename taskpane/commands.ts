/**
 * Ribbon commands. With the shared runtime they run in the task pane's page, so they can open
 * the pane and drive it. The pane registers the handlers it implements through `setCommandHandler`.
 */
type Handler = () => Promise<void> | void;
const handlers: Record<string, Handler | undefined> = {};

export function setCommandHandler(name: 'validateWorkbook' | 'fillWorkbook', handler: Handler): void {
  handlers[name] = handler;
}

async function run(name: string, event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
    await handlers[name]?.();
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('validateWorkbook', (event: Office.AddinCommands.Event) => run('validateWorkbook', event));
    Office.actions.associate('fillWorkbook', (event: Office.AddinCommands.Event) => run('fillWorkbook', event));
  });
}
