// The series' register of service norms and its actions, as the organiser's page reads them.
import type { Action, Norm, NormStatus, NormVerdict } from './wire';

/**
 * The steps a norm may take by hand from its status (the server's NormStatus.next(); the wire does
 * not carry them): a concept is adopted or retired; an adopted norm is measured, revised or
 * retired; a measured one revised or retired; a revised one adopted again or retired.
 */
export function nextSteps(status: NormStatus): NormStatus[] {
  switch (status) {
    case 'CONCEPT': return ['ADOPTED', 'RETIRED'];
    case 'ADOPTED': return ['MEASURED', 'REVISED', 'RETIRED'];
    case 'MEASURED': return ['REVISED', 'RETIRED'];
    case 'REVISED': return ['ADOPTED', 'RETIRED'];
    case 'RETIRED': return [];
  }
}

/** A norm as one meeting knows it: made from it, evaluated in it (its last verdict there), or both. */
export interface NormInMeeting {
  norm: Norm;
  madeHere: boolean;
  verdict: NormVerdict | null;
  note: string | null;
}

/** The norms of the register that came from a meeting or that it evaluated, in the register's order. */
export function normsOf(norms: readonly Norm[], meetingId: string): NormInMeeting[] {
  return norms.flatMap((norm) => {
    const madeHere = norm.sources.some((s) => s.meetingId === meetingId);
    const verdicts = norm.history.filter((c) => c.meetingId === meetingId && c.verdict !== null);
    if (!madeHere && verdicts.length === 0) return [];
    const last = verdicts.at(-1);
    return [{ norm, madeHere, verdict: last?.verdict ?? null, note: last?.note ?? null }];
  });
}

/** The last verdict a meeting gave on a norm, with that meeting's title. */
export function lastVerdict(norm: Norm): { verdict: NormVerdict; meetingTitle: string | null; note: string | null } | null {
  const last = norm.history.filter((c) => c.verdict !== null).at(-1);
  return last ? { verdict: last.verdict!, meetingTitle: last.meetingTitle, note: last.note } : null;
}

/**
 * Whether an action is past its due date and neither done nor dropped (the server's rule, counted
 * in the overview per meeting; the action itself does not say). `today` is YYYY-MM-DD.
 */
export function overdue(action: Pick<Action, 'due' | 'status'>, today: string): boolean {
  return action.due !== null && action.due < today && (action.status === 'OPEN' || action.status === 'IN_PROGRESS');
}

/** Today as YYYY-MM-DD in this browser's time zone. */
export function today(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A series' id and organiser key from its link (…/series/{id}#key=…). */
export function seriesLink(link: string): { id: string; key: string } | null {
  const match = /\/series\/([0-9a-f-]{36})\/?#(?:.*&)?key=([^&\s]+)/i.exec(link.trim());
  return match ? { id: match[1], key: decodeURIComponent(match[2]) } : null;
}
