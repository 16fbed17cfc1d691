// The track planner: the milestones around a meeting as the server plans them (its date proposed
// or set, its owner, its status today). The app only shows them and sends what a person changes.
import type { Owner, Step } from './wire';

/**
 * What to send when a person changes a milestone's date or owner: the server takes a missing date
 * as "the proposed one" and a missing owner as "the usual one", so the part that was not changed
 * is sent as it is, except a proposed date, which stays proposed.
 */
export function planBody(step: Step, change: { due?: string | null; owner?: Owner }): { due: string | null; owner: Owner } {
  return {
    due: change.due !== undefined ? change.due || null : step.proposed ? null : step.due,
    owner: change.owner ?? step.owner,
  };
}

/**
 * Where "today" falls in the list: after the last step dated before today, so that what is late
 * stands above the line even when a step before it was moved later; null when no step has a date.
 * Steps are in the method's order, which is the order of their dates as proposed.
 */
export function todayAt(steps: readonly Step[], today: string): number | null {
  if (!steps.some((s) => s.due)) return null;
  let after = 0;
  steps.forEach((s, i) => {
    if (s.due !== null && s.due < today) after = i + 1;
  });
  return after;
}

/** Today as the server's days are written (YYYY-MM-DD), in this device's time zone. */
export function isoDay(date: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** A day (YYYY-MM-DD) short, as people write it: "12 jan." / "12 Jan"; with the year when it is not this one. */
export function shortDay(day: string, lang: string, thisYear = new Date().getFullYear()): string {
  const [y, m, d] = day.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC' };
  if (y !== thisYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', options).format(new Date(Date.UTC(y, m - 1, d)));
}
