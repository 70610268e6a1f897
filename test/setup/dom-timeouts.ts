/**
 * Pane tests (jsdom) wait for the pane to read, check and render. On a loaded 2-core machine that
 * takes seconds, not testing-library's default 1 s: wait longer everywhere, so a busy machine
 * slows the suite instead of failing it. (Node-environment tests skip this.)
 */
if (typeof document !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require('@testing-library/dom') as typeof import('@testing-library/dom');
  configure({ asyncUtilTimeout: 20000 });
}
