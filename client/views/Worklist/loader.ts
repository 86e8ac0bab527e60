// Starts loading "my reports" as soon as the page is entered, and the lists of the period chooser.
import { createResource } from 'solid-js';
import type { Me } from '../../../schema/api';
import type { Api } from '../../api';
import { createChooser } from './chooser';

export function loadWorklist(api: Api, me: Me) {
  const [items, { refetch }] = createResource(() => api.worklist());
  return { items, refetch, chooser: createChooser(api, me) };
}
