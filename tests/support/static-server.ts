/**
 * A tiny static file server for the built page (dist/), on 127.0.0.1 at a random free port.
 * The browser tests need real HTTP, not file://: module workers and wasm streaming compilation
 * refuse file URLs, and wasm must come with its application/wasm type.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:43117/ */
  url: string;
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + relative));
  if (file !== root && !file.startsWith(root + path.sep)) return null; // no escaping dist/
  try {
    const info = await stat(file);
    if (info.isDirectory()) return resolveFile(root, path.posix.join(relative, 'index.html'));
    return info.isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves rootDir under mountPath (e.g. /course/collapse-lab/): anything outside it is a 404, so
 * a page that asks for an absolute /assets/... URL fails, as it would on a course website.
 */
export async function startStaticServer(rootDir: string, mountPath = '/'): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const mount = mountPath.endsWith('/') ? mountPath : `${mountPath}/`;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      const inside = url.startsWith(mount) ? url.slice(mount.length - 1) : null;
      const file =
        inside !== null && (req.method === 'GET' || req.method === 'HEAD')
          ? await resolveFile(root, inside)
          : null;
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}${mount}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
