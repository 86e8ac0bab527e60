// Asks a head for the reason a report goes back to the unit below; the reason is required.
import { createSignal, Show } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import { t } from '../../i18n';

export function ReturnDialog(props: { unitName: string; busy: boolean; onConfirm: (reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = createSignal('');
  const [touched, setTouched] = createSignal(false);
  const invalid = () => reason().trim() === '';
  return (
    <Dialog
      title={t('below.returnTitle', { unit: props.unitName })}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" class="btn" onClick={props.onClose}>
            {t('app.cancel')}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            disabled={props.busy}
            onClick={() => {
              setTouched(true);
              if (!invalid()) props.onConfirm(reason().trim());
            }}
          >
            {t('below.return')}
          </button>
        </>
      }
    >
      <label class="field">
        <span>{t('below.reason')}</span>
        <textarea name="reason" rows={4} maxLength={2000} autofocus value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <Show when={touched() && invalid()}>
        <p class="form-error" role="alert">
          {t('below.reasonRequired')}
        </p>
      </Show>
    </Dialog>
  );
}
