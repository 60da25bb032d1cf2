import { createRandom } from '../../../../workbench/datasets/random';

describe('createRandom', () => {
  it('repeats its sequence for a seed and not across seeds', () => {
    const draw = (seed: number) => {
      const rng = createRandom(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps values in their ranges and covers them', () => {
    const rng = createRandom(1);
    const ints = Array.from({ length: 2000 }, () => rng.int(3, 7));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6, 7]));
    const floats = Array.from({ length: 2000 }, () => rng.next());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    const share = Array.from({ length: 4000 }, () => rng.chance(0.25)).filter(Boolean).length / 4000;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('samples distinct items and shuffles without losing any', () => {
    const rng = createRandom(9);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const sample = rng.sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.shuffle(items).sort()).toEqual(items);
    expect(rng.sample(items, 10)).toHaveLength(5);
    expect(() => rng.pick([])).toThrow();
  });
});
