// Which template version a report had when this browser last opened it. On the next visit the page asks
// for the template beside the report instead of after it, a round trip less on a weak link. A missing or
// outdated hint costs only that round trip: the report's own version is always the one used.
const keyOf = (template: string, period: string, unit: string) => `template-version:${template}/${period}/${unit}`;

export function rememberedVersion(template: string, period: string, unit: string): number | undefined {
  try {
    const v = Number(globalThis.localStorage?.getItem(keyOf(template, period, unit)));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  } catch {
    return undefined; // storage refused (private mode, quota): no hint
  }
}

export function rememberVersion(template: string, period: string, unit: string, version: number): void {
  try {
    globalThis.localStorage?.setItem(keyOf(template, period, unit), String(version));
  } catch {
    // no hint next time
  }
}
