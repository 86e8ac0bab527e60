// One cell's story, opened from the cell (Shift+F2 or a right click): its value and states, every change
// made to it, and the comments on it, where those who fill or decide on the report may add one.
import { createResource, For, Show, untrack } from 'solid-js';
import type { CommentOut } from '../../../schema/api';
import type { TemplateFile } from '../../../schema/template';
import type { Api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format';
import { CommentForm } from './CommentForm';
import { t } from '../../i18n';
import { historyLines } from './history-lines';

export interface CellDialogProps {
  api: Api;
  reportKey: { template: string; period: string; unit: string };
  file: TemplateFile;
  row: string;
  col: string;
  title: string;
  shown: string;
  states: string[];
  comments: readonly CommentOut[];
  canComment: boolean;
  onAdded: (comment: CommentOut) => void;
  onClose: () => void;
}

export function CellDialog(props: CellDialogProps) {
  const api = untrack(() => props.api);
  const key = untrack(() => props.reportKey);
  const at = untrack(() => ({ row: props.row, col: props.col }));
  const [entries] = createResource(() => api.history(key.template, key.period, key.unit).then((all) => all.filter((e) => e.row === at.row && e.col === at.col)));
  const lines = () => historyLines(entries() ?? [], props.file);
  const mine = () => props.comments.filter((c) => c.row === at.row && c.col === at.col);
  const sendComment = async (text: string) => props.onAdded(await api.addComment(key.template, key.period, key.unit, { row: at.row, col: at.col, text }));

  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      footer={
        <button type="button" class="btn" onClick={props.onClose}>
          {t('app.close')}
        </button>
      }
    >
      <div class="cell-dialog">
        <div class="cell-value">{props.shown || t('review.empty')}</div>
        <div class="states">
          <For each={props.states}>{(s) => <span class="state">{s}</span>}</For>
        </div>
        <h4>{t('cell.history')}</h4>
        <Show when={!entries.loading} fallback={<p class="muted small">{t('app.loading')}</p>}>
          <ul class="cell-history">
            <For each={lines()} fallback={<li class="muted">{t('cell.noHistory')}</li>}>
              {(l) => (
                <li>
                  {l.time} · {l.username}: {l.what}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <h4>{t('review.commentsTitle')}</h4>
        <ul class="cell-comments">
          <For each={mine()} fallback={<li class="muted">{t('review.noComments')}</li>}>
            {(c) => (
              <li>
                <span class="muted small">
                  {c.username} · {formatDateTime(c.at)}
                </span>{' '}
                {c.text}
              </li>
            )}
          </For>
        </ul>
        <Show when={props.canComment}>
          <CommentForm label={t('cell.newComment')} onSend={sendComment} />
        </Show>
      </div>
    </Dialog>
  );
}
