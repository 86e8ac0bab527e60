// "Lịch sử": who changed what in the report and when, from the server's audit trail, newest first.
import { createMemo, createResource, For, Show } from 'solid-js';
import type { TemplateFile } from '../../../schema/template';
import { LoadedList } from '../../components/LoadState';
import { t } from '../../i18n';
import { historyLines } from './history-lines';
import type { ReportPageData } from './loader';

export function HistoryTab(props: { data: ReportPageData; file: TemplateFile }) {
  // Fetched each time the tab opens, so it includes what was just saved or decided.
  const [entries, { refetch }] = createResource(
    () => ({ api: props.data.api, key: props.data.key }),
    ({ api, key }) => api.history(key.template, key.period, key.unit),
  );
  const lines = createMemo(() => historyLines(entries() ?? [], props.file));

  return (
    <section class="history-tab">
      <LoadedList items={entries() && lines()} error={entries.error} onRetry={() => void refetch()} empty={t('history.none')}>
        {(list) => (
          <div class="table-wrap history-wrap">
            <table class="table history-table">
              <thead>
                <tr>
                  <th>{t('history.time')}</th>
                  <th>{t('history.who')}</th>
                  <th>{t('history.what')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(line) => (
                    <tr class={`history-${line.action}`} classList={{ continues: line.continues }}>
                      <td class="nowrap history-time">{line.continues ? '' : line.time}</td>
                      <td class="nowrap">
                        <Show when={!line.continues}>
                          {line.username}
                          <Show when={line.username === props.data.me.username}>
                            <span class="muted small"> ({t('history.you')})</span>
                          </Show>
                        </Show>
                      </td>
                      <td>
                        <span class="history-what">{line.what}</span>
                        <Show when={line.where}>
                          <span class="muted small history-where">{line.where}</span>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </LoadedList>
    </section>
  );
}
