// createChooser(api, me): the state of "open any period": template → year → period → unit, each list
// loaded from the server as the choice before it settles, with sensible defaults at every step.
import { createMemo, createResource, createSignal } from 'solid-js';
import type { Me, UnitNode } from '../../../schema/api';
import type { Api } from '../../api';
import { todayInVietnam } from '../../period-label';
import type { Route } from '../../router';
import { defaultPeriod, unitChoices, yearsOf } from './chooser-options';

export function createChooser(api: Api, me: Me, today: string = todayInVietnam()) {
  const [templates] = createResource(() => api.templates());
  const [templateId, setTemplateId] = createSignal<string>();
  const [year, setYear] = createSignal<number>();
  const [periodId, setPeriodId] = createSignal<string>();
  const [unitCode, setUnitCode] = createSignal<string>();

  const template = createMemo(() => {
    const list = templates() ?? [];
    return list.find((x) => x.id === templateId()) ?? list[0];
  });
  const years = createMemo(() => {
    const tpl = template();
    return tpl ? yearsOf(tpl, today) : [];
  });
  const chosenYear = createMemo(() => {
    const y = year();
    return y !== undefined && years().includes(y) ? y : years()[0];
  });

  const [periods] = createResource(
    () => {
      const tpl = template();
      const y = chosenYear();
      return tpl && y !== undefined ? { id: tpl.id, year: y } : false;
    },
    ({ id, year }) => api.periods(id, year),
  );
  const period = createMemo(() => {
    const list = periods.latest ?? [];
    return list.find((p) => p.id === periodId()) ?? defaultPeriod(list, today);
  });

  // A unit is named by its code in the hierarchy in force on the period's last day (api.md).
  const trees = new Map<string, Promise<UnitNode[]>>();
  const [tree] = createResource(
    () => period()?.end ?? false,
    (end) => {
      let p = trees.get(end);
      if (!p) {
        p = api.units(end);
        p.catch(() => trees.delete(end));
        trees.set(end, p);
      }
      return p;
    },
  );
  const units = createMemo(() => unitChoices(me, tree.latest ?? []));
  const unit = createMemo(() => units().find((u) => u.code === unitCode()) ?? units()[0]);

  /** The report the choices name, once every list has answered. */
  const route = createMemo((): Extract<Route, { name: 'report' }> | undefined => {
    const tpl = template();
    const p = period();
    const u = unit();
    if (!tpl || !p || !u || periods.loading || tree.loading) return undefined;
    return { name: 'report', template: tpl.id, period: p.id, unit: u.code };
  });

  return {
    templates,
    template,
    years,
    year: chosenYear,
    periods,
    period,
    tree,
    units,
    unit,
    route,
    /** The user's own unit did not exist on the period's last day (merged or created by a reform). */
    isUnitMissing: () => !!me.unit && !tree.loading && tree.latest !== undefined && units().length === 0,
    chooseTemplate: (id: string) => setTemplateId(id),
    chooseYear: (y: number) => setYear(y),
    choosePeriod: (id: string) => setPeriodId(id),
    chooseUnit: (code: string) => setUnitCode(code),
  };
}

export type Chooser = ReturnType<typeof createChooser>;
