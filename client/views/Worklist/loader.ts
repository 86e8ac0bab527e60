// Starts loading "my reports" as soon as the page is entered.
import { createResource } from 'solid-js';
import type { Api } from '../../api';

export function loadWorklist(api: Api) {
  const [items, { refetch }] = createResource(() => api.worklist());
  return { items, refetch };
}
