import { useEffect, useState } from 'react';

/** Rows in the first commit: a screenful and more, so the table shows at once. */
export const FIRST_ROWS = 40;
/** Rows added per later commit. */
const ROWS_PER_BATCH = 150;

/**
 * How many of `total` rows to render now: the first screenful at once, the rest in batches after each paint. 500
 * rows of MUI cells take a slow machine several hundred milliseconds to render; this way the first rows show
 * without waiting for the last, and every row is still in the DOM soon after (find in page, screen readers and the
 * keyboard grid see the whole table).
 */
export function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (count >= total) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is painted, not before it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setCount(count + ROWS_PER_BATCH));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, total]);
  return Math.min(count, total);
}
