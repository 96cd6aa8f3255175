// Connects to a PostgreSQL connection string (argv[2]) and exits 0 when it answers, 1 with the reason otherwise; the
// test scripts ask this before they let the database-backed tests run on PostgreSQL. Uses the backend's `pg` client,
// so it works on a machine without psql.
const { Client } = require(require.resolve('pg', {
  paths: [`${__dirname}/../packages/backend`],
}));

async function main(connectionString) {
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: 10_000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  error => {
    process.stdout.write(`${error.message || error.code || error}\n`);
    process.exit(1);
  },
);
