// The narrative sections of the outline (mẫu đề cương), saved with the grid in one PUT.
import { For, Show } from 'solid-js';
import type { Section } from '../../../schema/template';
import { t } from '../../i18n';
import type { ReportStore } from '../../stores/report-store';

export function SectionsPanel(props: { store: ReportStore; sections: readonly Section[] }) {
  return (
    <Show when={props.sections.length > 0}>
      <section class="sections-panel" aria-labelledby="sections-title">
        <h2 id="sections-title" class="panel-title">
          {t('report.sections')}
        </h2>
        <For each={props.sections}>
          {(sec) => (
            <label class="field section-field">
              <span class="section-title">
                {sec.title}
                <Show when={sec.required}>
                  <span class="required" title={t('report.sectionRequired')}>
                    {' '}*
                  </span>
                </Show>
              </span>
              <Show when={sec.hint}>
                <span class="muted small">{sec.hint}</span>
              </Show>
              <textarea
                name={`section-${sec.key}`}
                rows={3}
                maxLength={sec.maxLength}
                readOnly={!props.store.canEdit()}
                value={props.store.section(sec.key)}
                onInput={(e) => props.store.setSection(sec.key, e.currentTarget.value)}
              />
            </label>
          )}
        </For>
      </section>
    </Show>
  );
}
