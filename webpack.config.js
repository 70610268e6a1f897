/* Webpack build of the add-in: the task pane (React + Fluent UI), the custom functions and their
 * metadata (functions.json + functions.zh-CN.json), the ribbon commands (inside taskpane.js), and the manifest. */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizedMetadataPlugin } = require('./scripts/localized-metadata-plugin');
const { MetadataOptionsPlugin } = require('./scripts/metadata-options-plugin');

const DEV_ORIGIN = 'https://localhost:3000';

/** The manifest for another origin: every URL and the AppDomain (which has no trailing slash). */
function rewriteManifest(content, origin) {
  const to = String(origin).replace(/\/+$/, '');
  return String(content)
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${new URL(to).origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(to);
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const origin = env.origin || process.env.ADDIN_ORIGIN || DEV_ORIGIN;
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './taskpane/index.tsx',
      functions: './functions/functions.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.webpack.json' } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
      new LocalizedMetadataPlugin({
        source: 'functions.json',
        output: 'functions.zh-CN.json',
        table: path.resolve(__dirname, 'functions/translations.zh-CN.json'),
      }),
      // allowErrorForDataTypeAny etc. in both metadata files (the generator cannot emit them).
      new MetadataOptionsPlugin({ files: ['functions.json', 'functions.zh-CN.json'] }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        // The ribbon commands are part of taskpane.js (taskpane/index.tsx imports them): a separate
        // commands.js would associate the same names again, without handlers, and win.
        chunks: ['taskpane', 'functions'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : rewriteManifest(content, origin)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: env.WEBPACK_BUILD || options.https === false ? {} : await devCerts() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
  return config;
};
module.exports.rewriteManifest = rewriteManifest;

async function devCerts() {
  try {
    const devCertsLib = require('office-addin-dev-certs');
    return await devCertsLib.getHttpsServerOptions();
  } catch (e) {
    if (fs.existsSync('/dev/null')) console.warn(`office-addin-dev-certs: ${e.message}`);
    return {};
  }
}
