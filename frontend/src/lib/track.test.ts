import { describe, expect, it } from 'vitest';
import { isoDay, planBody, shortDay, todayAt } from './track';
import type { Step } from './wire';

const step = (fields: Partial<Step>): Step => ({ milestone: 'GOAL_SET', owner: 'ORGANISATION', due: '2027-01-10', proposed: true,
  doneAt: null, status: 'PLANNED', ...fields });

describe('the track planner', () => {
  it('keeps a proposed date proposed when only the owner changes, and an own date when set', () => {
    expect(planBody(step({}), { owner: 'MODERATOR' })).toEqual({ due: null, owner: 'MODERATOR' });
    expect(planBody(step({ proposed: false, due: '2027-01-03' }), { owner: 'MODERATOR' })).toEqual({ due: '2027-01-03', owner: 'MODERATOR' });
    expect(planBody(step({}), { due: '2027-02-01' })).toEqual({ due: '2027-02-01', owner: 'ORGANISATION' });
    expect(planBody(step({ proposed: false }), { due: null })).toEqual({ due: null, owner: 'ORGANISATION' });
  });

  it('puts today before the first step on or after it', () => {
    const steps = [step({ due: '2027-01-01' }), step({ due: '2027-02-01' }), step({ due: '2027-03-01' })];
    expect(todayAt(steps, '2026-12-31')).toBe(0);
    expect(todayAt(steps, '2027-02-01')).toBe(1);
    expect(todayAt(steps, '2027-02-02')).toBe(2);
    expect(todayAt(steps, '2027-04-01')).toBe(3);
    expect(todayAt([step({ due: null })], '2027-01-01')).toBeNull();
  });

  it('keeps what is late above today when an earlier step was moved later', () => {
    const steps = [step({ due: '2027-03-01', proposed: false }), step({ due: '2027-01-15', status: 'OVERDUE' }), step({ due: '2027-02-10' })];
    expect(todayAt(steps, '2027-02-01')).toBe(2);
  });

  it('writes days as people do, the year only when it is not this one', () => {
    expect(shortDay('2027-03-05', 'nl', 2027)).toBe('5 mrt');
    expect(shortDay('2027-03-05', 'en', 2026)).toBe('5 Mar 2027');
    expect(isoDay(new Date(2027, 0, 9))).toBe('2027-01-09');
  });
});
