/**
 * End of life of each Node.js release line, from the Node.js release
 * schedule (https://github.com/nodejs/Release#release-schedule). Even lines
 * are LTS for 30 months; odd lines live about 8 months. A line missing here
 * is newer than this release of snakepit, and has no date to warn about.
 */
export const NODE_END_OF_LIFE: Readonly<Record<number, string>> = {
  18: '2025-04-30',
  19: '2023-06-01',
  20: '2026-04-30',
  21: '2024-06-01',
  22: '2027-04-30',
  23: '2025-06-01',
  24: '2028-04-30',
  25: '2026-06-01',
  26: '2029-04-30',
};

/** The oldest Node.js release snakepit runs on (`engines` in every package.json). */
export const MIN_NODE = { major: 20, minor: 19 } as const;

/** The Node.js lines CI tests (`./dev test`), oldest first. */
export const TESTED_NODE_LINES: readonly number[] = [20, 22, 24];
