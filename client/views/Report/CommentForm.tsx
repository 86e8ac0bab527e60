// The box to write a comment, on the report (review panel) or on one cell (cell dialog): one behaviour
// for both — nothing sent while blank, the box cleared only once the server has kept the comment.
import { createSignal } from 'solid-js';
import { notify } from '../../components/Toasts';
import { errorMessage } from '../../errors';
import { t } from '../../i18n';

export function CommentForm(props: { label: string; onSend: (text: string) => Promise<unknown> }) {
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function add(e: SubmitEvent) {
    e.preventDefault();
    if (!text().trim()) return;
    setBusy(true);
    try {
      await props.onSend(text().trim());
      setText('');
    } catch (err) {
      notify(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="comment-form" onSubmit={(e) => void add(e)}>
      <textarea aria-label={props.label} placeholder={props.label} value={text()} onInput={(e) => setText(e.currentTarget.value)} rows={2} maxLength={4000} />
      <button type="submit" class="btn btn-small" disabled={busy() || !text().trim()}>
        {t('review.addComment')}
      </button>
    </form>
  );
}
