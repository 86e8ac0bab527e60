// "Mở báo cáo theo kỳ": a compact row of choices (form, year, period, unit) that opens any report the user
// may see, not only those of the recent periods listed below it. Each <option> says whether it is selected:
// a <select value> set before its options exist would fall back to the first one.
import { For, Show } from 'solid-js';
import { formatDate } from '../../format';
import { t } from '../../i18n';
import { periodLabel } from '../../period-label';
import type { Route } from '../../router';
import type { Chooser } from './chooser';

const INDENT = '\u00a0\u00a0\u00a0';

export function ReportChooser(props: { chooser: Chooser; navigate: (r: Route) => void }) {
  const c = () => props.chooser;
  const periodWindow = () => {
    const p = c().period();
    return p ? t('period.window', { start: formatDate(p.start), end: formatDate(p.end) }) : '';
  };
  return (
    <section class="chooser" aria-labelledby="chooser-title">
      <h2 id="chooser-title" class="panel-title">
        {t('chooser.title')}
      </h2>
      <form
        class="chooser-fields"
        onSubmit={(e) => {
          e.preventDefault();
          const route = c().route();
          if (route) props.navigate(route);
        }}
      >
        <label class="field chooser-template">
          <span>{t('chooser.template')}</span>
          <select name="template" onChange={(e) => c().chooseTemplate(e.currentTarget.value)} disabled={!c().templates()}>
            <For each={c().templates() ?? []}>
              {(tpl) => (
                <option value={tpl.id} title={tpl.title} selected={tpl.id === c().template()?.id}>
                  {tpl.formNumber} · {tpl.title}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field chooser-year">
          <span>{t('chooser.year')}</span>
          <select name="year" onChange={(e) => c().chooseYear(Number(e.currentTarget.value))}>
            <For each={c().years()}>{(y) => (
                <option value={String(y)} selected={y === c().year()}>
                  {y}
                </option>
              )}</For>
          </select>
        </label>
        <label class="field chooser-period">
          <span>{t('chooser.period')}</span>
          <select name="period" onChange={(e) => c().choosePeriod(e.currentTarget.value)} disabled={!c().periods.latest}>
            <For each={c().periods.latest ?? []}>
              {(p) => (
                <option value={p.id} selected={p.id === c().period()?.id}>
                  {periodLabel(p.id, p.label)} ({formatDate(p.start)} – {formatDate(p.end)})
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field chooser-unit">
          <span>{t('chooser.unit')}</span>
          <select name="unit" onChange={(e) => c().chooseUnit(e.currentTarget.value)} disabled={c().units().length === 0}>
            <For each={c().units()}>
              {(u) => (
                <option value={u.code} selected={u.code === c().unit()?.code}>
                  {INDENT.repeat(u.depth)}
                  {u.name} ({u.code})
                </option>
              )}
            </For>
          </select>
        </label>
        <button type="submit" class="btn btn-primary" disabled={!c().route()}>
          {t('chooser.open')}
        </button>
      </form>
      <Show
        when={!c().isUnitMissing()}
        fallback={
          <p class="chooser-note notice-inline" role="status">
            {t('chooser.unitMissing', { date: formatDate(c().period()?.end) })}
          </p>
        }
      >
        <p class="chooser-note muted small">{periodWindow()}</p>
      </Show>
    </section>
  );
}
