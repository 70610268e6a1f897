/**
 * The metadata the build generates: every BUDGET function is listed with descriptions, and the
 * zh-CN table covers every function and parameter. (The build itself runs the same generator
 * through custom-functions-metadata-plugin and our LocalizedMetadataPlugin.)
 */
import * as path from 'path';
import * as fs from 'fs';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require('../scripts/localized-metadata-plugin');

const root = path.resolve(__dirname, '..');
const EXPECTED = ['YOY', 'CHANGE', 'RATIO', 'SHARES', 'BALANCE', 'MONTHS', 'ROUND', 'NUM', 'DESCRIBE', 'SUMCHECK'];

interface Param {
  name: string;
  description?: string;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
}

let metadata: { functions: Fn[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(root, 'functions/functions.ts')], true);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
}, 30000);

describe('custom functions metadata', () => {
  it('lists every BUDGET function with descriptions of it and its parameters', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...EXPECTED].sort());
    for (const f of metadata.functions) {
      expect(f.description).toBeTruthy();
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
  });

  it('takes ranges for the amount inputs', () => {
    const yoy = metadata.functions.find((f) => f.id === 'YOY')!;
    expect(yoy.parameters.slice(0, 2).map((p) => p.dimensionality)).toEqual(['matrix', 'matrix']);
  });

  it('localizes to zh-CN from the one translation table', () => {
    const table = JSON.parse(fs.readFileSync(path.join(root, 'functions/translations.zh-CN.json'), 'utf8'));
    const zh = localizeMetadata(metadata, table) as { functions: Fn[] };
    for (const f of zh.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses an incomplete translation table', () => {
    expect(() => localizeMetadata(metadata, { functions: {} })).toThrow(/no translation for function YOY/);
  });
});
