/* The browser page (npm run playground): the task pane beside a grid of an in-memory workbook. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (env, options = {}) => ({
  mode: options.mode || 'production',
  devtool: false,
  entry: { playground: './playground/main.tsx' },
  output: { path: path.resolve(__dirname, 'dist-playground'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.webpack.json' } },
      },
      { test: /\.css$/, type: 'asset/source' },
    ],
  },
  performance: { hints: false },
  // src/pdf/read.ts's Node loader (require.resolve of pdf.js's path) is never called here: the page
  // sets its own loader (playground/pdf.ts).
  ignoreWarnings: [{ module: /src[\\/]pdf[\\/]read\.ts$/, message: /Critical dependency/ }],
  plugins: [
    new HtmlWebpackPlugin({ filename: 'index.html', template: './playground/index.html', inject: 'body' }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'samples/*.xlsx', to: 'samples/[name][ext]' },
        { from: 'assets/icon-32.png', to: 'icon-32.png' },
        // pdf.js's worker (a module worker of this origin; .js so that the server gives it a script type)
        { from: 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs', to: 'pdf.worker.js', info: { minimized: true } },
      ],
    }),
  ],
});
