// "Gửi Hệ thống thông tin báo cáo Chính phủ": the packets of approved reports in the delivery outbox,
// in approval order, with their status (waiting, sent, accepted, refused and why), for the province head.
import { createResource, For, Show } from 'solid-js';
import type { OutboxItem } from '../../../schema/api';
import type { Api } from '../../api';
import { LoadedList } from '../../components/LoadState';
import { formatDateTime } from '../../format';
import { type MessageKey, t } from '../../i18n';

const PACKET_LABELS: Record<string, MessageKey> = {
  SO_LIEU_BAO_CAO: 'outbox.packet.reportData',
  TRANG_THAI_BAO_CAO: 'outbox.packet.reportStatus',
  GUI_DE_CUONG_BAO_CAO: 'outbox.packet.outline',
};
const STATUS_BADGE: Record<OutboxItem['status'], string> = { waiting: 'badge-draft', sent: 'badge-submitted', accepted: 'badge-approved', refused: 'badge-returned' };

export default function OutboxView(props: { api: Api }) {
  const [items, { refetch }] = createResource(() => props.api.outbox());
  return (
    <main class="page">
      <h1 class="page-title">{t('outbox.title')}</h1>
      <p class="hint">{t('outbox.hint')}</p>
      <button type="button" class="btn" onClick={() => void refetch()}>
        {t('outbox.refresh')}
      </button>
      <LoadedList items={items()} error={items.error} onRetry={() => void refetch()} empty={t('outbox.empty')}>
        {(list) => (
          <div class="table-wrap">
            <table class="table outbox">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('outbox.unit')}</th>
                  <th>{t('outbox.report')}</th>
                  <th>{t('outbox.packet')}</th>
                  <th>{t('outbox.status')}</th>
                  <th>{t('outbox.attempts')}</th>
                  <th>{t('outbox.when')}</th>
                  <th>{t('outbox.note')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(item) => (
                    <tr data-status={item.status}>
                      <td>{item.id}</td>
                      <td>{item.unitCode}</td>
                      <td>
                        {item.template} · {item.period}
                      </td>
                      <td>{PACKET_LABELS[item.packetType] ? t(PACKET_LABELS[item.packetType]!) : item.packetType}</td>
                      <td>
                        <span class={`badge ${STATUS_BADGE[item.status]}`}>{t(`outbox.status.${item.status}`)}</span>
                      </td>
                      <td>{item.attempts}</td>
                      <td>{formatDateTime(item.decidedAt ?? item.sentAt ?? item.createdAt)}</td>
                      <td>
                        <Show when={item.status === 'refused'} fallback={<span class="muted">{item.status === 'waiting' ? (item.lastError ?? '') : ''}</span>}>
                          {item.refusalReason}
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
    </main>
  );
}
