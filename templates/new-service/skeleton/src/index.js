'use strict';

const { createServer } = require('./server');

const port = Number(process.env.PORT ?? ${{ values.port }});
const server = createServer();

server.listen(port, () => {
  console.log(`${{ values.name }} listening on :${port}`);
});

process.on('SIGTERM', () => {
  server.shutdown().then(() => process.exit(0));
});
