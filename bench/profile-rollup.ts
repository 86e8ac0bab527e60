// A CPU profile of one province roll-up (node --cpu-prof --import tsx bench/profile-rollup.ts).
import { createApp } from '../server/app';
import { createFixture } from './fixture';

const fx = await createFixture('20');
const app = createApp(fx.deps);
const cookie = (await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lanhdao-20', password: 'bench' }) }))
  .headers.get('set-cookie')!.split(';')[0]!;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await (await app.request('/api/aggregates/bieu-06-vpcp-kstt/2025Q1/20', { headers: { Cookie: cookie } })).arrayBuffer();
  console.log('roll-up', (performance.now() - t).toFixed(0), 'ms');
}
fx.store.close();
