// Turns any failure into a sentence for the user, in the UI language, by the API's error code.
import { ApiError } from './api';
import { hasMessage, t } from './i18n';

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    const key = `error.${e.code}`;
    if (hasMessage(key)) return t(key);
    // The server writes its messages in Vietnamese; better than a bare status.
    if (e.message) return e.message;
    return t('error.unknown', { status: e.status });
  }
  if (e instanceof Error && e.message) return e.message;
  return t('error.unknown', { status: '?' });
}
