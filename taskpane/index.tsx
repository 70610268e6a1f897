import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { OfficeHost } from './office-host';
import { setCommandHandler } from './commands';

function Root(): React.JSX.Element {
  const host = React.useMemo(() => new OfficeHost(), []);
  const [command, setCommand] = React.useState<{ name: 'validate' | 'fill'; seq: number } | undefined>();
  React.useEffect(() => {
    let seq = 0;
    setCommandHandler('validateWorkbook', () => setCommand({ name: 'validate', seq: ++seq }));
    setCommandHandler('fillWorkbook', () => setCommand({ name: 'fill', seq: ++seq }));
  }, []);
  return <App host={host} displayLanguage={Office.context?.displayLanguage} command={command} />;
}

Office.onReady(() => {
  const el = document.getElementById('root');
  if (el) createRoot(el).render(<Root />);
});
