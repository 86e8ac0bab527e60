// Cells both the officer and someone else changed: both figures side by side, one choice per cell.
import { createSignal, For } from 'solid-js';
import { Dialog } from '../components/Dialog';
import { t } from '../i18n';
import type { ConflictCell, ReportStore } from '../stores/report-store';
import { showValue } from '../views/Report/ExcelRoundTrip';

export function ConflictDialog(props: { store: ReportStore; cellLabel: (row: string, col: string) => string }) {
  const key = (c: ConflictCell) => `${c.row}\u0000${c.col}`;
  const [theirs, setTheirs] = createSignal<ReadonlySet<string>>(new Set());
  const choose = (c: ConflictCell, mine: boolean) =>
    setTheirs((prev) => {
      const next = new Set(prev);
      if (mine) next.delete(key(c));
      else next.add(key(c));
      return next;
    });
  const cells = () => props.store.conflictCells();
  return (
    <Dialog
      title={t('offline.conflictTitle')}
      onClose={() => undefined}
      footer={
        <>
          <button type="button" class="btn" onClick={() => setTheirs(new Set<string>())}>
            {t('offline.keepAllMine')}
          </button>
          <button type="button" class="btn" onClick={() => setTheirs(new Set(cells().map(key)))}>
            {t('offline.takeAllTheirs')}
          </button>
          <button type="button" class="btn btn-primary" onClick={() => {
              const chosen = theirs();
              void props.store.resolveConflict((c) => !chosen.has(key(c)));
            }}>
            {t('offline.resolve')}
          </button>
        </>
      }
    >
      <p>{t('offline.conflictIntro')}</p>
      <table class="conflict-cells">
        <thead>
          <tr>
            <th>{t('offline.cell')}</th>
            <th>{t('offline.theirs')}</th>
            <th>{t('offline.mine')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={cells()}>
            {(c) => (
              <tr data-row={c.row} data-col={c.col}>
                <td>{props.store.template() ? props.cellLabel(c.row, c.col) : `${c.row} × ${c.col}`}</td>
                <td>
                  <label>
                    <input type="radio" name={`conflict-${key(c)}`} checked={theirs().has(key(c))} onChange={() => choose(c, false)} /> {showValue(c.theirs)}
                  </label>
                </td>
                <td>
                  <label>
                    <input type="radio" name={`conflict-${key(c)}`} checked={!theirs().has(key(c))} onChange={() => choose(c, true)} /> {showValue(c.mine)}
                  </label>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Dialog>
  );
}
