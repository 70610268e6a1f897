/* Webpack build of the add-in: the task pane (React + Fluent UI), the custom functions and their
 * metadata (functions.json + functions.zh-CN.json), the ribbon commands, and the manifest. */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizedMetadataPlugin } = require('./scripts/localized-metadata-plugin');

const DEV_ORIGIN = 'https://localhost:3000/';

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const origin = env.origin || process.env.ADDIN_ORIGIN || DEV_ORIGIN;
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './taskpane/index.tsx',
      functions: './functions/functions.ts',
      commands: './taskpane/commands.ts',
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
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['taskpane', 'functions', 'commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(DEV_ORIGIN).join(origin)),
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

async function devCerts() {
  try {
    const devCertsLib = require('office-addin-dev-certs');
    return await devCertsLib.getHttpsServerOptions();
  } catch (e) {
    if (fs.existsSync('/dev/null')) console.warn(`office-addin-dev-certs: ${e.message}`);
    return {};
  }
}
