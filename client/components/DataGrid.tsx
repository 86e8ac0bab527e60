// The one AG Grid wrapper: registers the community modules the app uses, applies the house theme, and
// ties the grid's life to the Solid component's.
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  createGrid,
  EventApiModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  themeQuartz,
  TooltipModule,
  ValidationModule,
  type ColDef,
  type ColGroupDef,
  type GridApi,
  type GridOptions,
} from 'ag-grid-community';
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import { locale } from '../i18n';

let registered = false;
function registerModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    CellStyleModule,
    RowStyleModule,
    TextEditorModule,
    TooltipModule,
    RowAutoHeightModule,
    PinnedRowModule,
    RenderApiModule,
    RowApiModule,
    ScrollApiModule,
    ColumnApiModule,
    EventApiModule,
    LocaleModule,
    // In development only: names a missing module or a misspelt option instead of failing silently.
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}

/** Quartz, tightened for dense official forms on a 1366×768 screen. */
export const reportTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12.5,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 30,
  headerHeight: 32,
  accentColor: '#0b5cad',
  borderColor: '#c9d2dc',
  headerBackgroundColor: '#eef2f6',
  headerTextColor: '#1d2b3a',
  foregroundColor: '#17202a',
  wrapperBorderRadius: 4,
  columnBorder: { color: '#dde3ea' },
  headerColumnBorder: { color: '#c9d2dc' },
  headerColumnResizeHandleColor: 'transparent',
  pinnedColumnBorder: { color: '#9fb0c2', width: 1 },
  cellHorizontalPadding: 8,
  rowHoverColor: 'rgba(11, 92, 173, 0.05)',
});

const viLocaleText: Record<string, string> = {
  loadingOoo: 'Đang tải…',
  noRowsToShow: 'Không có dữ liệu',
};

export interface DataGridProps<T> {
  columnDefs: (ColDef<T> | ColGroupDef<T>)[];
  rowData: T[];
  options?: GridOptions<T>;
  onReady?: (api: GridApi<T>) => void;
  class?: string;
  ariaLabel?: string;
}

export function DataGrid<T>(props: DataGridProps<T>) {
  let host!: HTMLDivElement;
  let api: GridApi<T> | undefined;

  onMount(() => {
    registerModules();
    api = createGrid<T>(host, {
      theme: reportTheme,
      localeText: locale() === 'vi' ? viLocaleText : {},
      columnDefs: props.columnDefs,
      rowData: props.rowData,
      ...props.options,
    });
    if (props.ariaLabel) api.setGridAriaProperty('label', props.ariaLabel);
    props.onReady?.(api);
  });

  createEffect(on(() => props.columnDefs, (defs) => api?.setGridOption('columnDefs', defs), { defer: true }));
  createEffect(on(() => props.rowData, (rows) => api?.setGridOption('rowData', rows), { defer: true }));

  onCleanup(() => {
    api?.destroy();
    api = undefined;
  });

  return <div ref={host} class={`data-grid ${props.class ?? ''}`} />;
}
