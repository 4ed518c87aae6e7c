/** Graded relevance labels: case id → grade (1 partially, 2 clearly, 3 about this); unlisted ids are not relevant. */
export type RelevanceLabels = Record<number, number>;

const grade = (labels: RelevanceLabels, id: number): number => labels[id] ?? 0;

/** NDCG@k: gains 2^rel − 1, discount log2(rank + 1), ideal ranking from the labels; 0 when nothing is labelled. */
export function ndcgAt(ranked: number[], labels: RelevanceLabels, k: number): number {
  const dcg = (grades: number[]) =>
    grades.slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(
    Object.values(labels)
      .filter((rel) => rel > 0)
      .sort((a, b) => b - a),
  );
  if (ideal === 0) return 0;
  return dcg(ranked.map((id) => grade(labels, id))) / ideal;
}

/**
 * 1 / rank of the first result graded ≥ 2 (≥ 1 when no label reaches 2), looking at the first k results; 0 if none.
 */
export function reciprocalRank(ranked: number[], labels: RelevanceLabels, k = Infinity): number {
  const threshold = Object.values(labels).some((rel) => rel >= 2) ? 2 : 1;
  const index = ranked.slice(0, k).findIndex((id) => grade(labels, id) >= threshold);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Share of the labelled relevant ids that appear in the first k results; 0 when nothing is labelled. */
export function recallAt(ranked: number[], labels: RelevanceLabels, k: number): number {
  const relevant = Object.entries(labels)
    .filter(([, rel]) => rel > 0)
    .map(([id]) => Number(id));
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean NDCG, MRR and recall over measured queries. */
export function summarise(rows: Array<{ ndcg: number; rr: number; recall: number }>) {
  return {
    n: rows.length,
    ndcg: mean(rows.map((r) => r.ndcg)),
    mrr: mean(rows.map((r) => r.rr)),
    recall: mean(rows.map((r) => r.recall)),
  };
}
