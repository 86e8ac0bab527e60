// The save baseline: the least a server can do for a save, on the same machine and database engine:
// node:http, JSON.parse, and one transaction upserting the cells, no validation, audit or rules.
import { createServer } from 'node:http';
import { createClient } from '@libsql/client';

const client = createClient({ url: process.env.BENCH_DB! });
await client.execute('PRAGMA journal_mode = WAL');
await client.execute('CREATE TABLE IF NOT EXISTS minimal_cells (unit TEXT, row_code TEXT, col_key TEXT, value REAL, PRIMARY KEY (unit, row_code, col_key))');
let queue: Promise<unknown> = Promise.resolve();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const unit = req.url!.split('/').at(-2)!;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { values: { row: string; col: string; value: number }[] };
    const run = queue.then(() =>
      client.batch(
        body.values.map((v) => ({ sql: 'INSERT OR REPLACE INTO minimal_cells VALUES (?, ?, ?, ?)', args: [unit, v.row, v.col, v.value] })),
        'write',
      ),
    );
    queue = run.catch(() => undefined);
    run.then(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"revision":1}'),
      () => res.writeHead(500).end(),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ id: 0, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
});
process.on('message', (m: { type: string }) => {
  if (m.type !== 'stop') return;
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
