import { useRef } from "react";

/**
 * Keys that follow the rows of a list rather than their positions. Rows that keep state of their own
 * (pasted text, open sections, a half-typed search) need them: removing the first row must not hand
 * its state to the second. Call `remove(index)` as the row is removed.
 */
export function useRowKeys(count: number): {
  keyOf: (index: number) => number;
  remove: (index: number) => void;
} {
  const keys = useRef<number[]>([]);
  const next = useRef(0);
  if (keys.current.length !== count) {
    keys.current = Array.from({ length: count }, (_, at) => keys.current[at] ?? next.current++);
  }
  return {
    keyOf: (index) => keys.current[index] ?? index,
    remove: (index) => {
      keys.current = keys.current.filter((_, at) => at !== index);
    },
  };
}
