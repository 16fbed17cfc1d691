// The series' register of service norms and its actions, as the organiser's page reads them.
import type { Norm, NormVerdict } from './wire';

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

/** A series' id and organiser key from its link (…/series/{id}#key=…). */
export function seriesLink(link: string): { id: string; key: string } | null {
  const match = /\/series\/([0-9a-f-]{36})\/?#(?:.*&)?key=([^&\s]+)/i.exec(link.trim());
  return match ? { id: match[1], key: decodeURIComponent(match[2]) } : null;
}
