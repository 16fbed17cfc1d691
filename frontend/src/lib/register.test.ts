import { describe, expect, it } from 'vitest';
import { normsOf, seriesLink } from './register';
import type { Norm } from './wire';

const norm = (id: string, over: Partial<Norm> = {}): Norm => ({ id, seriesId: 's', text: `Norm ${id}`, status: 'ADOPTED',
  createdAt: '2027-01-01T10:00:00Z', carriedFrom: null, history: [], sources: [], canBecome: [], ...over });
const change = (meetingId: string | null, verdict: 'MET' | 'NOT_MET' | 'UNCLEAR' | null, note: string | null = null) => ({
  at: '2027-02-01T10:00:00Z', role: 'MODERATOR' as const, status: 'MEASURED' as const, text: 'x', meetingId,
  meetingTitle: meetingId ? `Gesprek ${meetingId}` : null, verdict, note });

describe('the register', () => {
  it('finds the norms a meeting made or evaluated, with its last verdict there', () => {
    const norms = [
      norm('a', { sources: [{ meetingId: 'm1', meetingTitle: 'Gesprek m1', kind: 'IMPROVEMENT_POINT', text: 'Wachttijd' }] }),
      norm('b', { history: [change('m2', 'NOT_MET'), change('m1', 'UNCLEAR'), change('m1', 'MET', 'goed')] }),
      norm('c', { history: [change(null, null)] }),
    ];
    const inM1 = normsOf(norms, 'm1');
    expect(inM1.map((n) => [n.norm.id, n.madeHere, n.verdict, n.note])).toEqual([['a', true, null, null], ['b', false, 'MET', 'goed']]);
    expect(normsOf(norms, 'm2').map((n) => n.verdict)).toEqual(['NOT_MET']);
    expect(normsOf(norms, 'm3')).toEqual([]);
  });

  it('reads a series link', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(seriesLink(`https://spiegel.example/series/${id}#key=abc_DEF-1`)).toEqual({ id, key: 'abc_DEF-1' });
    expect(seriesLink(`https://spiegel.example/series/${id}`)).toBeNull();
    expect(seriesLink('no link')).toBeNull();
  });
});
