// After a save, the service worker's copy of the report (its last GET) is older than the server: write
// the saved state over it, so a reload with no connection shows what was saved, not what was loaded.
import type { Report } from '../../schema/api';

const DATA = 'api-data-v1';

export function keepReportOffline(report: Report): void {
  if (typeof caches === 'undefined' || typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return;
  const path = `/api/reports/${[report.template, report.period, report.unit.code].map(encodeURIComponent).join('/')}`;
  const body = JSON.stringify(report);
  void caches
    .open(DATA)
    .then((c) => c.put(path, new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })))
    .catch(() => undefined);
}
