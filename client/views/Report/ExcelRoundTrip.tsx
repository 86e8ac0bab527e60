// The Excel round trip on the report page: download the form as a workbook, upload it back, see cell by
// cell what would change and which checks fail, and only then confirm. `below`: a head's workbook with
// a sheet per unit below (the upload recognises it from the file).
import { createSignal, For, Show } from 'solid-js';
import type { CellValue, FormUploadPreview } from '../../../schema/api';
import type { TemplateFile } from '../../../schema/template';
import type { Api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/Toasts';
import { errorMessage } from '../../errors';
import { formatNumber } from '../../format';
import { t } from '../../i18n';

export interface ExcelRoundTripProps {
  api: Api;
  reportKey: { template: string; period: string; unit: string };
  file: TemplateFile;
  below?: boolean;
  canUpload: boolean;
  /** The revision the upload is based on (If-Match); none for a head's workbook, whose sheets carry theirs. */
  revision?: () => number | undefined;
  onSaved: () => void;
  unitName?: (code: string) => string;
}

export function showValue(v: CellValue): string {
  if (v === null || v === '') return t('offline.empty');
  return typeof v === 'number' ? formatNumber(v) : v;
}

export function ExcelRoundTrip(props: ExcelRoundTripProps) {
  const [preview, setPreview] = createSignal<{ file: File; result: FormUploadPreview }>();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  let input!: HTMLInputElement;
  const k = () => props.reportKey;

  const rowLabel = (code: string) => props.file.rows.find((r) => r.code === code)?.label ?? code;
  const colLabel = (key: string) => {
    const c = props.file.columns.find((x) => x.key === key);
    return c ? [...(c.group ?? []), c.label].join(' › ') : key;
  };

  async function read(file: File) {
    setBusy(true);
    setProblem(undefined);
    try {
      setPreview({ file, result: await props.api.previewForm(k().template, k().period, k().unit, file) });
    } catch (e) {
      notify(errorMessage(e), 'error');
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  async function confirm() {
    const p = preview();
    if (!p) return;
    setBusy(true);
    try {
      const saved = await props.api.saveForm(k().template, k().period, k().unit, p.file, props.below ? undefined : props.revision?.());
      setPreview(undefined);
      notify(t('excel.saved', { count: saved.changes.length }), 'success');
      props.onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span class="excel-round-trip">
      <a class="btn btn-small" href={props.api.formUrl(k().template, k().period, k().unit, props.below)} download="" title={t('excel.downloadHint')}>
        {props.below ? t('excel.downloadBelow') : t('excel.download')}
      </a>
      <Show when={props.canUpload}>
        <button type="button" class="btn btn-small" disabled={busy()} onClick={() => input.click()}>
          {busy() && !preview() ? t('excel.reading') : t('excel.upload')}
        </button>
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('excel.upload')}
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void read(file);
          }}
        />
      </Show>
      <Show when={preview()}>
        {(p) => (
          <Dialog
            title={t('excel.previewTitle')}
            onClose={() => setPreview(undefined)}
            footer={
              <>
                <button type="button" class="btn" onClick={() => setPreview(undefined)}>
                  {t('app.cancel')}
                </button>
                <button type="button" class="btn btn-primary" disabled={busy() || p().result.changes.length === 0} onClick={() => void confirm()}>
                  {t('excel.confirm')}
                </button>
              </>
            }
          >
            <p class="muted small">{t('excel.previewFile', { name: p().file.name })}</p>
            <Show when={problem()}>
              <p class="notice notice-error" role="alert">
                {problem()}
              </p>
            </Show>
            <Show when={p().result.changes.length > 0} fallback={<p class="excel-no-changes">{t('excel.noChanges')}</p>}>
              <p>{t('excel.changes', { count: p().result.changes.length })}</p>
              <div class="excel-changes-wrap">
                <table class="excel-changes">
                  <thead>
                    <tr>
                      <Show when={props.below}>
                        <th>{t('excel.unit')}</th>
                      </Show>
                      <th>{t('offline.cell')}</th>
                      <th>{t('excel.old')}</th>
                      <th>{t('excel.new')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().result.changes}>
                      {(c) => (
                        <tr data-row={c.row} data-col={c.col}>
                          <Show when={props.below}>
                            <td>{c.unit ? (props.unitName?.(c.unit) ?? c.unit) : ''}</td>
                          </Show>
                          <td>
                            {c.row} {rowLabel(c.row)} × {colLabel(c.col)}
                          </td>
                          <td class="num">{showValue(c.oldValue)}</td>
                          <td class="num">{showValue(c.newValue)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <Show when={p().result.issues.length > 0}>
              <p>{t('excel.issues', { count: p().result.issues.length })}</p>
              <ul class="excel-issues">
                <For each={p().result.issues}>
                  {(i) => (
                    <li classList={{ warning: i.severity === 'warning' }}>
                      {i.unit ? `${props.unitName?.(i.unit) ?? i.unit}: ` : ''}
                      {i.message}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <p class="muted small">{t('excel.nothingSaved')}</p>
          </Dialog>
        )}
      </Show>
    </span>
  );
}
