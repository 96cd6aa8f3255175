'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { createServer } = require('../src/server');

let server;
let base;

before(async () => {
  server = createServer();
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.shutdown());

for (const [path, status] of [
  ['/healthz', 200],
  ['/readyz', 200],
  ['/', 200],
  ['/nope', 404],
]) {
  test(`GET ${path} answers ${status}`, async () => {
    const response = await fetch(`${base}${path}`);
    assert.equal(response.status, status);
  });
}
