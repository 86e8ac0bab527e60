// Under the grid, for each open list of the form (cases, projects): how many rows it shows out of the
// most it may hold, and a button that adds one. The form opens with a few blank rows beyond those
// already held; an officer with more cases to enter adds rows here without saving and reloading.
import { For, Show } from 'solid-js';
import { formatNumber } from '../../format';
import { t } from '../../i18n';

export interface OpenListInfo {
  code: string;
  label: string;
  itemLabel?: string;
  size: number;
  maxRows: number;
}

export function OpenListRows(props: { lists: readonly OpenListInfo[]; canEdit: boolean; onAdd: (code: string) => void }) {
  return (
    <Show when={props.lists.length > 0}>
      <div class="open-lists small" data-testid="open-lists">
        <For each={props.lists}>
          {(list) => (
            <p class="open-list" data-list={list.code}>
              <span class="open-list-size">{t('openList.size', { list: list.label, size: formatNumber(list.size), max: formatNumber(list.maxRows) })}</span>
              <Show when={props.canEdit}>
                <Show when={list.size < list.maxRows} fallback={<span class="muted"> {t('openList.full')}</span>}>
                  {' '}
                  <button type="button" class="btn btn-small" onClick={() => props.onAdd(list.code)}>
                    + {t('openList.add', { item: list.itemLabel ?? t('openList.row') })}
                  </button>
                </Show>
              </Show>
            </p>
          )}
        </For>
      </div>
    </Show>
  );
}
