// Turns any failure into a sentence for the user, in the UI language. The server's own sentence is the
// specific one (which unit, which period, which figures): Vietnamese shows it as written, English shows
// its translation; the code's general text is the fallback, never a replacement for it.
import { ApiError } from './api';
import { hasMessage, locale, t } from './i18n';
import { serverMessageInEnglish } from './i18n/server-messages';

/** Codes the client raises itself (the server was not reached): its own words, not the browser's. */
const CLIENT_CODES = new Set(['network', 'timeout']);

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    const key = `error.${e.code}`;
    const general = hasMessage(key) && e.code !== 'unknown' ? t(key) : undefined;
    const specific = e.status !== 0 && e.code !== 'unknown' && !CLIENT_CODES.has(e.code) ? e.message.trim() : '';
    if (!specific) return general ?? t('error.unknown', { status: e.status });
    if (locale() === 'vi') return specific;
    // The server writes Vietnamese; a sentence the table does not know keeps the original beside the English.
    return serverMessageInEnglish(specific) ?? `${general ?? t('error.unknown', { status: e.status })} (${specific})`;
  }
  if (e instanceof Error && e.message) return e.message;
  return t('error.unknown', { status: '?' });
}
