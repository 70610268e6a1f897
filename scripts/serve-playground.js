/**
 * Serves the built browser page (dist-playground/) on localhost and prints its URL once ready.
 * PORT picks the port (default 3000; the next free one if taken). Used by `npm run playground`
 * and by the end-to-end tests (`start({ port: 0 })`).
 */
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

function start({
  port = Number(process.env.PORT || 3000),
  root = path.join(__dirname, '..', 'dist-playground'),
  index = 'index.html',
  retries = 10,
} = {}) {
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(path.join(root, index))) {
      reject(
        new Error(
          `${root}/${index} 不存在，请先运行 npm run build:playground（或直接 npm run playground）/ not built: run npm run build:playground (or just npm run playground)`,
        ),
      );
      return;
    }
    const server = http.createServer((req, res) => {
      let rel;
      try {
        rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (rel.endsWith('/')) rel += index;
      const file = path.normalize(path.join(root, rel));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      fs.readFile(file, (err, data) => {
        if (err) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(data);
      });
    });
    server.on('error', (e) => {
      if (e.code === 'EADDRINUSE' && retries > 0 && port !== 0) {
        resolve(start({ port: port + 1, root, index, retries: retries - 1 }));
      } else reject(e);
    });
    server.listen(port, '127.0.0.1', () => {
      const url = `http://localhost:${server.address().port}/`;
      resolve({ server, url });
    });
  });
}

module.exports = { start };

if (require.main === module) {
  start().then(
    ({ url }) => {
      console.log(`预算公开审核 · 浏览器版已就绪 / playground ready: ${url}`);
      console.log('按 Ctrl+C 停止 / Ctrl+C to stop');
    },
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
