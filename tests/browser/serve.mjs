// A static file server for the built app (target/web-dist) on 127.0.0.1, an ephemeral port,
// with the headers `trunk serve` sends (Trunk.toml's [serve.headers], the CSP among them).
// It logs every request it answers, so a test can tell what the page fetched.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Trunk.toml's `[serve.headers]` table as an object (its values are TOML basic strings). */
export function trunkServeHeaders(trunkToml) {
  const headers = {};
  let inTable = false;
  for (const line of readFileSync(trunkToml, 'utf8').split('\n')) {
    const t = line.trim();
    if (t.startsWith('[')) {
      inTable = t === '[serve.headers]';
      continue;
    }
    const m = inTable && /^"([^"]+)"\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(t);
    if (m) headers[m[1]] = m[2].replace(/\\(.)/g, '$1');
  }
  return headers;
}

/**
 * Serves `dir` on 127.0.0.1:0. Resolves to { origin, log, close() }; `log` holds every request
 * answered as { method, path, status }.
 */
export async function serveDir(dir, headers = {}) {
  const log = [];
  const root = normalize(dir + sep);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      path = '';
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    let body = null;
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (file.startsWith(root)) {
        try {
          body = readFileSync(file);
        } catch {
          body = null;
        }
      }
    }
    const status = body ? 200 : req.method === 'GET' || req.method === 'HEAD' ? 404 : 405;
    log.push({ method: req.method, path: req.url, status });
    if (!body) {
      res.writeHead(status, { ...headers, 'content-type': 'text/plain' }).end(`${status}\n`);
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    port: server.address().port,
    log,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
