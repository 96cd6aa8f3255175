import {
  useCallback,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
} from 'react';

/** Marks a row of a keyboard-navigable table (see {@link useGridKeyboard}). */
export const GRID_ROW = { 'data-grid-row': '' } as const;
/** Marks a focusable cell (or the one control in it) of a keyboard-navigable table. */
export const GRID_CELL = { 'data-grid-cell': '', tabIndex: -1 } as const;

const ROW_SELECTOR = '[data-grid-row]';
const CELL_SELECTOR = '[data-grid-cell]';
const PAGE = 10;

const cellsOf = (row: Element) => [
  ...row.querySelectorAll<HTMLElement>(CELL_SELECTOR),
];

/** Where a key moves from (row, column); undefined for keys the grid leaves alone. */
function moveOf(
  event: KeyboardEvent,
  at: { row: number; column: number },
  size: { rows: number; columns: number },
) {
  switch (event.key) {
    case 'ArrowDown':
      return { ...at, row: at.row + 1 };
    case 'ArrowUp':
      return { ...at, row: at.row - 1 };
    case 'ArrowRight':
      return { ...at, column: at.column + 1 };
    case 'ArrowLeft':
      return { ...at, column: at.column - 1 };
    case 'PageDown':
      return { ...at, row: at.row + PAGE };
    case 'PageUp':
      return { ...at, row: at.row - PAGE };
    case 'Home':
      return event.ctrlKey ? { row: 0, column: 0 } : { ...at, column: 0 };
    case 'End':
      return event.ctrlKey
        ? { row: size.rows - 1, column: size.columns - 1 }
        : { ...at, column: size.columns - 1 };
    default:
      return undefined;
  }
}

const clamp = (value: number, max: number) =>
  Math.max(0, Math.min(value, max - 1));

/**
 * Arrow-key navigation of a table, the WAI-ARIA grid way: one cell is in the tab order (Tab enters and leaves the
 * table in one step), arrows, Home/End and PageUp/PageDown move focus between cells, Enter follows a cell's link.
 * Works on the DOM, so 500 memoised rows do not re-render when focus moves.
 */
export function useGridKeyboard<T extends HTMLElement>() {
  const ref = useRef<T>(null);

  // After every render (filters change which rows exist), keep exactly one cell tabbable.
  useLayoutEffect(() => {
    const cells = ref.current?.querySelectorAll<HTMLElement>(CELL_SELECTOR);
    if (!cells?.length) return;
    if (![...cells].some(cell => cell.tabIndex === 0)) cells[0].tabIndex = 0;
  });

  const onKeyDown = useCallback((event: KeyboardEvent<T>) => {
    const table = ref.current;
    const cell = (event.target as HTMLElement).closest<HTMLElement>(
      CELL_SELECTOR,
    );
    const row = cell?.closest(ROW_SELECTOR);
    if (!table || !cell || !row) return;
    const rows = [...table.querySelectorAll(ROW_SELECTOR)];
    const at = { row: rows.indexOf(row), column: cellsOf(row).indexOf(cell) };
    const move = moveOf(event, at, {
      rows: rows.length,
      columns: cellsOf(row).length,
    });
    if (!move) return;
    event.preventDefault();
    const targetRow = cellsOf(rows[clamp(move.row, rows.length)]);
    const target = targetRow[clamp(move.column, targetRow.length)];
    if (!target || target === cell) return;
    cell.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }, []);

  return { ref, onKeyDown };
}
