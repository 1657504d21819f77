import type { Bbox, Word } from '../documents/page.ts';

/**
 * Two boxes are the same piece of print when their intersection covers this share of the smaller
 * one. Tesseract's boxes for one word differ by a few pixels between passes, and a word that one
 * pass splits ("65." "20") sits wholly inside the other pass's single box ("65.20").
 */
const SAME_PRINT_OVERLAP = 0.4;

/**
 * Merges the words of a second reading of the same page into the first. Readings are compared in
 * clusters of words whose boxes overlap (a word split in one pass and whole in the other is one
 * cluster); a cluster keeps the side whose characters were read with more confidence, the first
 * reading on a tie. Words of the second reading that overlap nothing are print the first pass's
 * layout analysis dropped, and are added. Boxes must be fractions of the same page.
 */
export function mergeWords(
  first: readonly Word[],
  second: readonly Word[],
  options: { minAddedConfidence?: number } = {},
): Word[] {
  const minAdded = options.minAddedConfidence ?? 0;
  const overlaps = second.map((extra) =>
    first.flatMap((word, index) => (isSamePrint(word.bbox, extra.bbox) ? [index] : [])),
  );
  const clusters = clusterOverlaps(first.length, overlaps);
  const dropFirst = new Set<number>();
  const keepSecond = new Set<number>();
  for (const cluster of clusters) {
    const firstWords = cluster.first.map((index) => first[index]!);
    const secondWords = cluster.second.map((index) => second[index]!);
    if (
      firstWords.length === 0
        ? readingScore(secondWords) < minAdded
        : readingScore(secondWords) <= readingScore(firstWords)
    )
      continue;
    for (const index of cluster.first) dropFirst.add(index);
    for (const index of cluster.second) keepSecond.add(index);
  }
  return [
    ...first.filter((_, index) => !dropFirst.has(index)),
    ...second.filter((_, index) => keepSecond.has(index)),
  ];
}

type Cluster = { first: number[]; second: number[] };

/** Connected groups of the bipartite "boxes overlap" graph, via union-find over both readings. */
function clusterOverlaps(firstCount: number, overlaps: number[][]): Cluster[] {
  const parent = Array.from({ length: firstCount + overlaps.length }, (_, index) => index);
  const root = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  overlaps.forEach((indexes, secondIndex) => {
    for (const firstIndex of indexes) parent[root(firstCount + secondIndex)] = root(firstIndex);
  });
  const byRoot = new Map<number, Cluster>();
  for (let node = 0; node < parent.length; node += 1) {
    const key = root(node);
    const cluster = byRoot.get(key) ?? { first: [], second: [] };
    if (node < firstCount) cluster.first.push(node);
    else cluster.second.push(node - firstCount);
    byRoot.set(key, cluster);
  }
  // Clusters of first-reading words alone need no decision.
  return [...byRoot.values()].filter((cluster) => cluster.second.length > 0);
}

/** Confidence per character, so one confident long word outweighs a confident stray mark. */
function readingScore(words: readonly Word[]): number {
  let characters = 0;
  let weighted = 0;
  for (const word of words) {
    characters += word.text.length;
    weighted += word.text.length * word.confidence;
  }
  return characters === 0 ? 0 : weighted / characters;
}

export function isSamePrint(a: Bbox, b: Bbox): boolean {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (width <= 0 || height <= 0) return false;
  const smaller = Math.min(area(a), area(b));
  return smaller > 0 && (width * height) / smaller >= SAME_PRINT_OVERLAP;
}

function area(box: Bbox): number {
  return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1]);
}
