// The versioned templates: the list, the latest version of one, or a given version, in full; a version
// with its lists written out for a period; and an admin's preview of a version before it is in force.
import { Hono } from 'hono';
import { TemplatePreviewQuery, type TemplatePreview, TemplateVersionQuery } from '../../schema/api';
import { type Level, LEVELS } from '../../schema/template';
import { deadlinesFor, periodFromId } from '../../domain/periods';
import { isReportingUnit, reportingLevelsOn } from '../../domain/reporting-levels';
import { isAgency } from '../../domain/unit-tree';
import { requireAdmin, requireUser } from '../auth/middleware';
import type { AppDeps, AppEnv } from '../env';
import { notFound } from '../errors';
import { requireTemplate } from '../services/report-context';
import { listedFor } from '../templates/expand';
import { findReport, loadValues } from '../db/reports';
import { hasLists, hasOpenLists, openRowsToOffer } from '../../domain/template/lists';
import type { LoadedTemplate } from '../templates/registry';
import { valid } from '../validate';

function requireVersion(deps: AppDeps, id: string, given: string): LoadedTemplate {
  requireTemplate(deps, id);
  const version = Number(given);
  const found = Number.isInteger(version) ? deps.templates.get(id, version) : undefined;
  if (!found) throw notFound('unknown-template', `Biểu mẫu "${id}" không có phiên bản ${given}.`);
  return found;
}

function requirePeriodOf(template: LoadedTemplate, periodId: string) {
  const period = periodFromId(template.spec, periodId);
  if (!period) throw notFound('unknown-period', `Kỳ "${periodId}" không phải kỳ của biểu mẫu ${template.file.formNumber} (${template.file.frequency}).`);
  return period;
}

/**
 * How long a browser may keep a version as written out for a period and unit. Without lists it is the
 * file itself (a day, as above). Generated lists follow the hierarchy, which an import of the official
 * unit list may change: an hour. Open lists hold the report's own rows, which change with every save.
 */
function cacheSecondsFor(file: LoadedTemplate['file']): number {
  if (hasOpenLists(file)) return 0;
  return hasLists(file) ? 3600 : 86400;
}

/** The rows each open list of a unit's report shows: those it holds, plus blank ones (up to maxRows). */
async function openRowsToType(deps: AppDeps, template: LoadedTemplate, periodId: string, unitId: number): Promise<Map<string, number> | undefined> {
  if (!hasOpenLists(template.file)) return undefined;
  const row = await findReport(deps.store.db, template.file.id, periodId, unitId, 'official');
  const stored = row ? ((await loadValues(deps.store.db, [row.id])).get(row.id) ?? new Map<string, unknown>()) : new Map<string, unknown>();
  return openRowsToOffer(template.file, stored.keys());
}

export const templatesRoutes = new Hono<AppEnv>()
  .use('*', requireUser)
  .get('/', (c) => c.json(c.var.deps.templates.list()))
  .get('/:id', (c) => c.json(requireTemplate(c.var.deps, c.req.param('id')).file))
  .get('/:id/versions/:version', valid('query', TemplateVersionQuery), async (c) => {
    const { deps } = c.var;
    const found = requireVersion(deps, c.req.param('id'), c.req.param('version'));
    const { period: periodId, unit } = c.req.valid('query');
    if (periodId === undefined) {
      // A published version does not change: on a weak link the form opens without fetching it again
      // (private: only the signed-in browser keeps it; a day, so a corrected file reaches everyone by tomorrow).
      c.header('Cache-Control', 'private, max-age=86400');
      return c.json(found.file);
    }
    // Generated lists name the units in force on the period's last day (and a unit's own report its row).
    const period = requirePeriodOf(found, periodId);
    const cacheFor = cacheSecondsFor(found.file);
    if (cacheFor > 0) c.header('Cache-Control', `private, max-age=${cacheFor}`);
    const tree = await deps.unitTrees.at(period.end);
    const own = unit === undefined ? undefined : tree.byCode(unit);
    if (unit !== undefined && !own) throw notFound('unknown-unit', `Không có đơn vị mã "${unit}" vào ngày ${period.end}.`);
    return c.json(listedFor(found, tree, { periodId: period.id, ownUnit: unit, openRows: own && (await openRowsToType(deps, found, period.id, own.id)) }).file);
  })
  .get('/:id/versions/:version/preview', requireAdmin, valid('query', TemplatePreviewQuery), async (c) => {
    const { deps } = c.var;
    const found = requireVersion(deps, c.req.param('id'), c.req.param('version'));
    const period = requirePeriodOf(found, c.req.valid('query').period);
    const tree = await deps.unitTrees.at(period.end);
    const listed = listedFor(found, tree, { periodId: period.id });
    const inForce = [...tree.levels].filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
    const levels = inForce.length > 0 ? inForce : reportingLevelsOn(found.file, period.end);
    const reporting = tree.units.filter((u) => isReportingUnit(found.file, u, tree));
    const file = found.file;
    const preview: TemplatePreview = {
      template: listed.file,
      period: { id: period.id, label: period.label, start: period.start, end: period.end },
      inForce: deps.templates.forPeriod(file.id, period.id)?.file.version === file.version,
      deadlines: deadlinesFor(period, file.regime.deadlineWorkingDays, await deps.holidays.calendar(), levels),
      reporters: { levels: reportingLevelsOn(file, period.end), agencies: reporting.filter(isAgency).length, units: reporting.length },
      rules: [
        ...(file.rules ?? []).map((r) => ({
          id: r.id,
          severity: r.severity,
          kind: r.type,
          text: r.message ?? (r.type === 'compare' ? `${r.left} ${r.op} ${r.right}` : r.type === 'range' ? `${r.target} ∈ [${r.min ?? '−∞'}; ${r.max ?? '+∞'}]` : `${r.target} ≠ trống`),
        })),
        ...(file.crossRules ?? []).map((r) => ({ id: r.id, severity: r.severity, kind: 'cross' as const, text: r.message ?? `${r.left} ${r.op} ${r.template}: ${r.right}` })),
      ],
    };
    return c.json(preview);
  });
