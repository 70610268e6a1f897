import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

function mount(): void {
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<App />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(() => mount());
} else {
  mount();
}
