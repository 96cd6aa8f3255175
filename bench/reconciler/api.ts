/**
 * The bench's client of the backend's API: plain node:http with kept-alive connections. fetch (undici)
 * adds its own ~0.5 ms and jitter per call, which would be measured as the backend's.
 */
import { Agent, get } from 'node:http';

export function portalApi(port: number, headers: Record<string, string>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const api = (path: string) =>
    new Promise<any>((resolve, reject) => {
      const req = get(
        { host: '127.0.0.1', port, path: `/api/gitops${path}`, headers, agent },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) {
              reject(new Error(`${path}: ${res.statusCode} ${text}`));
            } else resolve(JSON.parse(text));
          });
        },
      );
      req.on('error', reject);
    });
  return { api, close: () => agent.destroy() };
}
