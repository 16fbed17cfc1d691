import { describe, expect, it } from 'vitest';
import { budget, decimal, liveBalance, percent } from './balance';

describe('the live balance', () => {
  it('counts the running turn: a monologue takes the share and lowers the index', () => {
    const before = liveBalance([{ id: 'a', spokenMs: 60_000, never: false, presentMs: 1 }, { id: 'b', spokenMs: 60_000, never: false, presentMs: 1 }], 0.5, 1.6);
    expect(before.index).toBeCloseTo(1);
    const after = liveBalance([{ id: 'a', spokenMs: 210_000, never: false, presentMs: 1 }, { id: 'b', spokenMs: 60_000, never: false, presentMs: 1 }], 0.5, 1.6);
    expect(after.share.get('a')).toBeCloseTo(210 / 270);
    expect(after.tone.get('a')).toBe('FAIR');
    expect(after.tone.get('b')).toBe('UNDER');
    expect(after.index!).toBeLessThan(0.8);
  });

  it('has no index before anyone spoke and marks who never did', () => {
    const b = liveBalance([{ id: 'a', spokenMs: 0, never: true, presentMs: 1 }, { id: 'b', spokenMs: 0, never: true, presentMs: 1 }], 0.5, 1.6);
    expect(b.index).toBeNull();
    expect(b.tone.get('a')).toBe('NEVER');
  });

  it('colours a share above the upper bound as over', () => {
    const b = liveBalance([{ id: 'a', spokenMs: 90, never: false, presentMs: 1 }, { id: 'b', spokenMs: 5, never: false, presentMs: 1 },
      { id: 'c', spokenMs: 5, never: false, presentMs: 1 }], 0.5, 1.6);
    expect(b.tone.get('a')).toBe('OVER');
  });
});

describe('a late arrival', () => {
  it('has a smaller fair share and is not under it for speaking less', () => {
    const b = liveBalance([{ id: 'a', spokenMs: 90_000, never: false, presentMs: 3_600_000 },
      { id: 'b', spokenMs: 10_000, never: false, presentMs: 600_000 }], 0.5, 1.6);
    expect(b.fairShare.get('b')).toBeCloseTo(1 / 7);
    expect(b.tone.get('b')).toBe('FAIR');
    expect(b.index!).toBeGreaterThan(0.95);
  });
});

describe('budgets and numbers', () => {
  it('turns amber in the last fifth, at most the last two minutes, and red when over', () => {
    expect(budget(10 * 60_000, 20 * 60_000)).toBe('ok');
    expect(budget(18 * 60_000 + 1, 20 * 60_000)).toBe('near');
    expect(budget(20 * 60_000 + 1, 20 * 60_000)).toBe('over');
    expect(budget(50_000, 60_000)).toBe('near');
    expect(budget(5_000, null)).toBe('ok');
  });

  it('writes numbers as the reader does', () => {
    expect(decimal(0.654, 'nl')).toBe('0,65');
    expect(decimal(0.654, 'en')).toBe('0.65');
    expect(percent(0.14, 'nl')).toMatch(/^14\s?%$/);
    expect(percent(null, 'nl')).toBe('–');
  });
});
