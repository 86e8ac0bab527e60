// The templates the server loaded, with each version and the first period it applies to; a version is
// data, so this is what the provincial IT office checks after adding a file.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Api } from '../../api';
import { LoadedList } from '../../components/LoadState';
import { t } from '../../i18n';
import { TemplatePreview } from '../TemplatePreview/TemplatePreview';

export function TemplatesTab(props: { api: Api }) {
  const [templates, { refetch }] = createResource(() => props.api.templates());
  // The version an admin previews for a period before it is put in force.
  const [previewing, setPreviewing] = createSignal<{ id: string; version: number; from: string }>();
  return (
    <section class="admin-section">
      <h2 class="section-heading">{t('admin.templates.title')}</h2>
      <LoadedList items={templates()} error={templates.error} onRetry={() => void refetch()} empty={t('admin.templates.empty')}>
        {(list) => (
          <div class="table-wrap">
            <table class="table templates-table">
              <thead>
                <tr>
                  <th>{t('admin.templates.form')}</th>
                  <th>{t('admin.templates.frequency')}</th>
                  <th>{t('admin.templates.versions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(tpl) => (
                    <tr>
                      <td>
                        <div class="form-number">{tpl.formNumber}</div>
                        <div>{tpl.title}</div>
                        <div class="muted small">{tpl.id}</div>
                      </td>
                      <td>{t(`frequency.${tpl.frequency}`)}</td>
                      <td class="small">
                        <For each={tpl.versions}>
                          {(v) => (
                            <div>
                              {t('admin.templates.version', { version: v.version, from: v.effectiveFrom })}{' '}
                              <button type="button" class="link-button" onClick={() => setPreviewing({ id: tpl.id, version: v.version, from: v.effectiveFrom })}>
                                {t('preview.open')}
                              </button>
                            </div>
                          )}
                        </For>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </LoadedList>
      <Show when={previewing()} keyed>
        {(p) => <TemplatePreview api={props.api} id={p.id} version={p.version} firstPeriod={p.from} onClose={() => setPreviewing(undefined)} />}
      </Show>
    </section>
  );
}
