'use strict';

const http = require('node:http');

/**
 * The HTTP service: `/healthz` (liveness: the process answers), `/readyz`
 * (readiness: it is willing to take traffic; false while shutting down) and
 * the service's own routes.
 */
function createServer() {
  let ready = true;
  const server = http.createServer((req, res) => {
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return json(405, { error: 'method not allowed' });
    switch (req.url) {
      case '/healthz':
        return json(200, { status: 'ok' });
      case '/readyz':
        return ready
          ? json(200, { status: 'ready' })
          : json(503, { status: 'shutting down' });
      case '/':
        return json(200, { service: '${{ values.name }}' });
      default:
        return json(404, { error: 'not found' });
    }
  });
  // Kubernetes stops sending traffic once /readyz fails, then the server drains.
  server.shutdown = () => {
    ready = false;
    return new Promise(resolve => server.close(resolve));
  };
  return server;
}

module.exports = { createServer };
