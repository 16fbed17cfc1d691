// Time comes from the server: clients tick locally from the server's instants plus an offset.

export class ServerClock {
  private offset = 0;
  private known = false;

  /** From a snapshot's or ready's serverTime, received at local time {@code receivedAt}. */
  update(serverTime: string, receivedAt: number): void {
    const server = Date.parse(serverTime);
    if (Number.isNaN(server)) return;
    const offset = server - receivedAt;
    // Keep the smallest delay seen: a late message makes the server look behind, never ahead.
    this.offset = this.known ? Math.max(this.offset, offset) : offset;
    this.known = true;
  }

  now(local: number = Date.now()): number {
    return local + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }
}

/** Milliseconds from an instant ({@code since}) until now on the server. */
export function since(instant: string | null | undefined, now: number): number {
  if (!instant) return 0;
  return Math.max(0, now - Date.parse(instant));
}

/** The current value of a duration that was {@code ms} at {@code asOf} and still runs. */
export function running(ms: number, asOf: string, now: number, runs: boolean): number {
  return runs ? ms + since(asOf, now) : ms;
}

export function mmss(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/**
 * A date as people write it: "31 januari 2027", "31 January 2027". A day (YYYY-MM-DD) stays that
 * day in every time zone; an instant is shown as the day it is here.
 */
export function longDate(value: string, lang: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(value);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: day ? 'UTC' : undefined }).format(date);
}
