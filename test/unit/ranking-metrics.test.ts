import { ndcgAt, recallAt, reciprocalRank } from '../support/ranking-metrics';

describe('ranking metrics', () => {
  describe('ndcgAt', () => {
    it('is 1 for the ideal order and 0 when nothing relevant is returned', () => {
      expect(ndcgAt([1, 2, 4], { 1: 3, 2: 2, 4: 1 }, 10)).toBeCloseTo(1, 10);
      expect(ndcgAt([7, 8], { 1: 3 }, 10)).toBe(0);
      expect(ndcgAt([], { 1: 3 }, 10)).toBe(0);
    });

    it('matches a hand-computed value with graded gains and a log2 discount', () => {
      // DCG  = 0/log2(2) + 7/log2(3) + 3/log2(4) = 4.41650 + 1.5 = 5.91650
      // IDCG = 7/log2(2) + 3/log2(3) + 1/log2(4) = 7 + 1.89279 + 0.5 = 9.39279
      expect(ndcgAt([3, 1, 2], { 1: 3, 2: 2, 4: 1 }, 10)).toBeCloseTo(5.9165 / 9.39279, 4);
      expect(ndcgAt([3, 1, 2], { 1: 3, 2: 2, 4: 1 }, 10)).toBeCloseTo(0.6299, 4);
    });

    it('only looks at the first k results, for the ranking and for the ideal', () => {
      // k = 1: the first hit is not relevant.
      expect(ndcgAt([5, 1], { 1: 1 }, 1)).toBe(0);
      // k = 2: DCG = 3/log2(2) + 7/log2(3) = 7.41650; IDCG = 7 + 3/log2(3) = 8.89279 (the grade-1 label falls outside k).
      expect(ndcgAt([2, 1], { 1: 3, 2: 2, 3: 1 }, 2)).toBeCloseTo(
        (3 + 7 / Math.log2(3)) / (7 + 3 / Math.log2(3)),
        10,
      );
      expect(ndcgAt([2, 1], { 1: 3, 2: 2, 3: 1 }, 2)).toBeCloseTo(0.83399, 4);
    });

    it('is 0 when nothing is labelled relevant', () => {
      expect(ndcgAt([1, 2], {}, 10)).toBe(0);
    });
  });

  describe('reciprocalRank', () => {
    it('takes the first result graded 2 or higher when such labels exist', () => {
      // id 4 (grade 1) at rank 2 does not count; id 1 (grade 3) at rank 3 does.
      expect(reciprocalRank([3, 4, 1, 2], { 1: 3, 4: 1 })).toBeCloseTo(1 / 3, 10);
    });

    it('falls back to grade 1 when no label reaches 2', () => {
      expect(reciprocalRank([3, 4, 1], { 4: 1, 9: 1 })).toBe(0.5);
    });

    it('is 0 when no qualifying result is found (within k)', () => {
      expect(reciprocalRank([3, 5], { 1: 3 })).toBe(0);
      expect(reciprocalRank([3, 5, 1], { 1: 3 }, 2)).toBe(0);
      expect(reciprocalRank([1], { 1: 2 })).toBe(1);
    });
  });

  describe('recallAt', () => {
    it('is the share of labelled ids found in the first k results', () => {
      expect(recallAt([1, 2, 3], { 1: 2, 3: 1, 7: 3 }, 2)).toBeCloseTo(1 / 3, 10);
      expect(recallAt([1, 2, 3], { 1: 2, 3: 1, 7: 3 }, 3)).toBeCloseTo(2 / 3, 10);
      expect(recallAt([7, 3, 1], { 1: 2, 3: 1, 7: 3 }, 10)).toBe(1);
    });

    it('is 0 when nothing is labelled', () => {
      expect(recallAt([1, 2], {}, 10)).toBe(0);
    });
  });
});
