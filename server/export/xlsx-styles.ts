// The cell styles of the Excel package. Each distinct style is built once and shared by every cell that
// uses it: exceljs recognises a style object it has seen (a WeakMap) instead of re-registering it per
// cell, which is most of the cost of a package with thousands of sheets. So a style is never edited
// in place: a cell gets another style by assignment.
import type { Borders, Fill, Font, Style } from 'exceljs';
import type { CellKind } from '../../domain/template/types';
import { FONT_SIZE } from './xlsx-layout';

const FONT_NAME = 'Times New Roman';

/** Light blue: the system computed the figure (totals, ratios); nobody typed it. */
export const COMPUTED_FILL = 'FFDDEBF7';
/** Grey, hatched: the cell does not apply to the row, as forms cross such cells out. */
export const DISABLED_FILL = 'FFE7E6E6';
const HATCH = 'FFA6A6A6';

const memo = new Map<string, Partial<Style>>();

function shared(key: string, build: () => Partial<Style>): Partial<Style> {
  let style = memo.get(key);
  if (style === undefined) {
    style = build();
    memo.set(key, style);
  }
  return style;
}

export function font(options: { bold?: boolean; italic?: boolean; size?: number } = {}): Partial<Font> {
  return { name: FONT_NAME, size: options.size ?? FONT_SIZE, bold: options.bold ?? false, italic: options.italic ?? false };
}

function thinBorders(): Partial<Borders> {
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  return { top: { ...thin }, left: { ...thin }, bottom: { ...thin }, right: { ...thin } };
}

function fillFor(kind: CellKind | undefined): Fill | undefined {
  if (kind === 'computed') return { type: 'pattern', pattern: 'solid', fgColor: { argb: COMPUTED_FILL } };
  if (kind === 'disabled') {
    return { type: 'pattern', pattern: 'lightUp', fgColor: { argb: HATCH }, bgColor: { argb: DISABLED_FILL } };
  }
  return undefined;
}

/** Text above and below the table: no border. */
export function textStyle(options: {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
}): Partial<Style> {
  return shared(`text${JSON.stringify(options)}`, () => ({
    font: font(options),
    alignment: { horizontal: options.horizontal ?? 'left', vertical: 'middle', wrapText: options.wrap ?? false },
  }));
}

/** A cell of the table header or the numbering row. */
export function headerStyle(options: { italic?: boolean } = {}): Partial<Style> {
  return shared(`header${JSON.stringify(options)}`, () => ({
    font: font({ bold: !options.italic, italic: options.italic ?? false }),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: thinBorders(),
  }));
}

/** The code, label or unit of a table row. */
export function rowTextStyle(options: {
  bold?: boolean;
  horizontal: 'left' | 'center';
  indent?: number;
}): Partial<Style> {
  return shared(`row${JSON.stringify(options)}`, () => ({
    font: font({ bold: options.bold ?? false }),
    alignment: {
      horizontal: options.horizontal,
      vertical: 'middle',
      wrapText: true,
      ...(options.indent ? { indent: options.indent } : {}),
    },
    border: thinBorders(),
  }));
}

/** A figure: right-aligned, the template's number format, filled by kind. */
export function valueStyle(options: { kind: CellKind | undefined; numFmt: string; bold?: boolean }): Partial<Style> {
  return shared(`value${JSON.stringify(options)}`, () => valueStyleOf(options));
}

function valueStyleOf(options: { kind: CellKind | undefined; numFmt: string; bold?: boolean }): Partial<Style> {
  const fill = fillFor(options.kind);
  return {
    font: font({ bold: options.bold ?? false }),
    // indent 1 keeps the digits off the right border.
    alignment: { horizontal: 'right', vertical: 'middle', indent: 1 },
    border: thinBorders(),
    numFmt: options.numFmt,
    ...(fill ? { fill } : {}),
  };
}
