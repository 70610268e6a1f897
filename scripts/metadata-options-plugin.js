/**
 * Webpack plugin: finishes the custom-functions metadata files (functions.json and its localized
 * copies) after they are emitted. custom-functions-metadata cannot say everything Excel needs:
 *
 * - `allowErrorForDataTypeAny`: without it Excel does not call a function when any input cell
 *   holds an error, so one #N/A in a range turns the whole spilled result into one error. With it,
 *   the error arrives as a value and functions/cells.ts gives it to that one output cell.
 * - `allowCustomDataForDataTypeAny`: data types (formatted numbers, entities) arrive as objects,
 *   which functions/cells.ts unwraps (the generator sets it today; we keep it set).
 * - Descriptions on one line: the generator keeps a JSDoc line break in the text Excel shows.
 *
 * The build fails when a file is missing. `finishMetadata`, `metadataProblems` and `FUNCTION_IDS`
 * are exported for the tests and scripts/check-build.js.
 */
const { sources, WebpackError, Compilation } = require('webpack');

const FLAGS = { allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: true };

/** The ids functions.json must declare, in order (ROUND: the hidden alias of ROUNDEXACT). */
const FUNCTION_IDS = [
  'YOY',
  'CHANGE',
  'RATIO',
  'SHARES',
  'BALANCE',
  'MONTHS',
  'ROUNDEXACT',
  'ROUND',
  'NUM',
  'DESCRIBE',
  'SUMCHECK',
];

const oneLine = (t) => (typeof t === 'string' ? t.replace(/\s*[\r\n]+\s*/g, ' ').trim() : t);

/** The metadata with the flags set and every description on one line. */
function finishMetadata(metadata) {
  return {
    ...FLAGS,
    ...metadata,
    ...FLAGS,
    functions: metadata.functions.map((fn) => ({
      ...fn,
      description: oneLine(fn.description),
      parameters: (fn.parameters || []).map((p) => ({ ...p, description: oneLine(p.description) })),
      ...(fn.result && fn.result.description
        ? { result: { ...fn.result, description: oneLine(fn.result.description) } }
        : {}),
    })),
  };
}

/** What is wrong with a metadata file, for the build check: [] when nothing. */
function metadataProblems(metadata) {
  const problems = [];
  for (const [k, v] of Object.entries(FLAGS)) if (metadata[k] !== v) problems.push(`${k} is not ${v}`);
  for (const fn of metadata.functions || []) {
    const texts = [fn.description, ...(fn.parameters || []).map((p) => p.description)];
    if (texts.some((t) => typeof t === 'string' && /[\r\n]/.test(t)))
      problems.push(`${fn.id}: a description has a line break`);
  }
  return problems;
}

class MetadataOptionsPlugin {
  constructor(options) {
    this.options = options; // { files: ['functions.json', 'functions.zh-CN.json'] }
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('MetadataOptionsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After LocalizedMetadataPlugin (PROCESS_ASSETS_STAGE_ADDITIONAL) has emitted the copies.
        { name: 'MetadataOptionsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          for (const file of this.options.files) {
            const source = assets[file];
            if (!source) {
              compilation.errors.push(new WebpackError(`MetadataOptionsPlugin: ${file} was not emitted`));
              continue;
            }
            try {
              const finished = finishMetadata(JSON.parse(source.source().toString()));
              compilation.updateAsset(file, new sources.RawSource(JSON.stringify(finished, null, 4)));
            } catch (e) {
              compilation.errors.push(new WebpackError(`MetadataOptionsPlugin: ${file}: ${e.message}`));
            }
          }
        },
      );
    });
  }
}

module.exports = { MetadataOptionsPlugin, finishMetadata, metadataProblems, FUNCTION_IDS };
