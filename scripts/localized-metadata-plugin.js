/**
 * Webpack plugin: after the custom-functions metadata plugin has emitted functions.json, emits a
 * localized copy (functions.zh-CN.json) from one translation table. The build fails when the
 * table misses a function or a parameter, or names one that does not exist.
 */
const fs = require('fs');
const { sources, WebpackError, Compilation } = require('webpack');

/** Returns the localized metadata; throws with every problem listed. */
function localizeMetadata(metadata, table) {
  const problems = [];
  const known = new Set();
  const functions = metadata.functions.map((fn) => {
    known.add(fn.id);
    const t = table.functions[fn.id];
    if (!t) {
      problems.push(`no translation for function ${fn.id}`);
      return fn;
    }
    const params = fn.parameters.map((p) => {
      const d = t.parameters && t.parameters[p.name];
      if (!d) problems.push(`no translation for ${fn.id}(${p.name})`);
      return { ...p, description: d || p.description };
    });
    for (const name of Object.keys(t.parameters || {})) {
      if (!fn.parameters.some((p) => p.name === name))
        problems.push(`translation for unknown parameter ${fn.id}(${name})`);
    }
    if (!t.description) problems.push(`no description for ${fn.id}`);
    return { ...fn, description: t.description || fn.description, parameters: params };
  });
  for (const id of Object.keys(table.functions)) {
    if (!known.has(id)) problems.push(`translation for unknown function ${id}`);
  }
  if (problems.length) throw new Error(`zh-CN function metadata: ${problems.join('; ')}`);
  return { ...metadata, functions };
}

class LocalizedMetadataPlugin {
  constructor(options) {
    this.options = options; // { source: 'functions.json', output: 'functions.zh-CN.json', table: path }
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          const source = assets[this.options.source];
          if (!source) {
            compilation.errors.push(
              new WebpackError(`LocalizedMetadataPlugin: ${this.options.source} was not emitted`),
            );
            return;
          }
          try {
            const table = JSON.parse(fs.readFileSync(this.options.table, 'utf8'));
            compilation.fileDependencies.add(this.options.table);
            const localized = localizeMetadata(JSON.parse(source.source().toString()), table);
            compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(localized, null, 2)));
          } catch (e) {
            compilation.errors.push(new WebpackError(`LocalizedMetadataPlugin: ${e.message}`));
          }
        },
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin, localizeMetadata };
