/** The README's rule table is made from the rules: a stale one fails here (`npm run docs:rules` mends it). */
import * as fs from 'fs';
import * as path from 'path';
import { withRules } from '../scripts/rules-doc';

it('README lists every built-in rule with where it is declared, as generated', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../README.md'), 'utf8');
  expect(withRules(readme) === readme).toBe(true);
});
