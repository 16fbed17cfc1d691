// Survey scores as people write them: a decimal comma in Dutch, at most one decimal.
export function score(value: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}
