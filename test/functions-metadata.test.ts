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
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishMetadata, metadataProblems, FUNCTION_IDS } = require('../scripts/metadata-options-plugin');

const root = path.resolve(__dirname, '..');
const EXPECTED: string[] = FUNCTION_IDS;

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
  options?: Record<string, boolean>;
}

let metadata: { functions: Fn[]; allowErrorForDataTypeAny?: boolean; allowCustomDataForDataTypeAny?: boolean };

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

  it('the build lets error and data-type cells through, in both files, with one-line descriptions', () => {
    // What the generator gives: no allowErrorForDataTypeAny (Excel then never calls a function
    // with an error cell in its range), and JSDoc line breaks in descriptions.
    expect(metadata.allowErrorForDataTypeAny).toBeUndefined();
    const table = JSON.parse(fs.readFileSync(path.join(root, 'functions/translations.zh-CN.json'), 'utf8'));
    const en = finishMetadata(metadata);
    const zh = finishMetadata(localizeMetadata(metadata, table));
    for (const m of [en, zh]) {
      expect(m.allowErrorForDataTypeAny).toBe(true);
      expect(m.allowCustomDataForDataTypeAny).toBe(true);
      expect(metadataProblems(m)).toEqual([]);
    }
    expect(en.functions.find((f: Fn) => f.id === 'BALANCE').description).toBe(
      'Roll-forward balance: opening + income − expenditure + other_in − other_out. Empty parts count as 0; all empty gives an empty result.',
    );
    expect(metadataProblems({ functions: [{ id: 'X', description: 'a\nb', parameters: [] }] })).toEqual([
      'allowErrorForDataTypeAny is not true',
      'allowCustomDataForDataTypeAny is not true',
      'X: a description has a line break',
    ]);
  });

  it('every function asks for its arguments’ addresses (blank cells that arrive as 0)', () => {
    for (const f of metadata.functions) expect(f.options?.requiresParameterAddresses).toBe(true);
  });

  it('ROUNDEXACT replaces ROUND, whose id is Excel’s ROUND: ROUND stays only as a hidden alias', () => {
    const round = metadata.functions.find((f) => f.id === 'ROUND')!;
    expect(round.options?.excludeFromAutoComplete).toBe(true);
    expect(metadata.functions.find((f) => f.id === 'ROUNDEXACT')!.options?.excludeFromAutoComplete).toBeUndefined();
  });
});
