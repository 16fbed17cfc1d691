// Dutch by default, English on request; the choice is kept in this browser. The texts are in
// i18n/nl.ts and i18n/en.ts.
import { nl } from './i18n/nl';
import { en } from './i18n/en';

export type Key = keyof typeof nl;

const dictionaries = { nl, en };

export const i18n = $state({
  lang: ((typeof localStorage !== 'undefined' && localStorage.getItem('spiegel.lang')) || 'nl') as 'nl' | 'en',
});

export function setLanguage(lang: 'nl' | 'en'): void {
  i18n.lang = lang;
  localStorage.setItem('spiegel.lang', lang);
  document.documentElement.lang = lang;
}

export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text = dictionaries[i18n.lang][key] ?? nl[key];
  const form = typeof text === 'string' ? text
    : text[new Intl.PluralRules(i18n.lang).select(Number(params.n)) === 'one' ? 'one' : 'other'];
  return form.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}
