// What a reviewer reads beside the form: that a level above has locked the report, what changed since
// the submission they returned (cell by cell, old → new), and the comments on the report and its cells.
import { For, Show, untrack } from 'solid-js';
import { createFetched } from '../../stores/fetched';
import type { CommentOut, Report } from '../../../schema/api';
import type { Api } from '../../api';
import { formatDateTime, formatNumber } from '../../format';
import { CommentForm } from './CommentForm';
import { t } from '../../i18n';

type Key = { template: string; period: string; unit: string };
type Label = (row: string, col: string) => string;

export function LockNotice(props: { report: Report }) {
  return (
    <Show when={props.report.lockedBy}>
      {(by) => (
        <div class="notice notice-muted lock-notice" role="status">
          {t('review.locked', { unit: by().name })}
        </div>
      )}
    </Show>
  );
}

const shown = (v: number | string | null) => (v === null ? t('review.empty') : typeof v === 'number' ? formatNumber(v) : v);

/** For whoever decides on a resubmitted report: the cells that differ from the submission before. */
export function ChangesPanel(props: { api: Api; reportKey: Key; revision: number; label: Label }) {
  const api = untrack(() => props.api);
  const [changes] = createFetched(
    () => `${props.reportKey.template}/${props.reportKey.period}/${props.reportKey.unit}@${props.revision}`,
    () => untrack(() => api.changes(props.reportKey.template, props.reportKey.period, props.reportKey.unit)),
  );
  return (
    <Show when={(changes()?.length ?? 0) > 0}>
      <section class="card changes-panel" aria-label={t('review.changesTitle')}>
        <h3>{t('review.changesTitle')}</h3>
        <table class="table">
          <thead>
            <tr>
              <th>{t('review.cell')}</th>
              <th>{t('review.before')}</th>
              <th>{t('review.after')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={changes()}>
              {(c) => (
                <tr data-row={c.row} data-col={c.col}>
                  <td>{props.label(c.row, c.col)}</td>
                  <td class="num">{shown(c.oldValue)}</td>
                  <td class="num changed">{shown(c.newValue)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}

/** The comments of a report, loaded once and shared by the panel and the cells they mark. */
export function createComments(api: Api, key: () => Key) {
  const [comments, { mutate }] = createFetched(
    () => `${key().template}/${key().period}/${key().unit}`,
    () => untrack(() => api.comments(key().template, key().period, key().unit)),
  );
  return { list: () => comments() ?? [], added: (c: CommentOut) => mutate((list) => [...(list ?? []), c]) };
}
export type Comments = ReturnType<typeof createComments>;

/** Comments on the report and its cells, newest last; those who fill or decide on it may add one. */
export function CommentsPanel(props: { api: Api; reportKey: Key; canComment: boolean; label: Label; comments: Comments }) {
  const api = untrack(() => props.api);
  const comments = () => props.comments.list();
  const sendComment = async (text: string) => {
    const k = props.reportKey;
    props.comments.added(await api.addComment(k.template, k.period, k.unit, { text }));
  };
  return (
    <section class="card comments-panel" aria-label={t('review.commentsTitle')}>
      <h3>{t('review.commentsTitle')}</h3>
      <For each={comments()} fallback={<p class="muted small">{t('review.noComments')}</p>}>
        {(c) => (
          <div class="comment">
            <div class="muted small">
              {c.username} · {formatDateTime(c.at)}
              <Show when={c.row !== undefined}> · {props.label(c.row!, c.col ?? '')}</Show>
            </div>
            <div>{c.text}</div>
          </div>
        )}
      </For>
      <Show when={props.canComment}>
        <CommentForm label={t('review.newComment')} onSend={sendComment} />
      </Show>
    </section>
  );
}
