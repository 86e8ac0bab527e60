// The UI language: Vietnamese by default, English on request, remembered on this computer.
import { createSignal } from 'solid-js';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Locale = 'vi' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'ui-locale';

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

// A signal needs no owner; one for the whole app, created when the module loads.
const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };

export function setLocale(next: Locale): void {
  setLocaleSignal(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode without storage: the choice lasts until the tab closes.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** The message for `key` in the current language, with {name} placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale()][key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether a string is a message key; error codes from the server are looked up this way. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}
