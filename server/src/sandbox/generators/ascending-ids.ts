/** Ids that grow by a given step each time, like an upstream's auto-increment with gaps. */
export function ascendingIds(start: number): (step: number) => number {
  let current = start;
  return (step) => {
    current += step;
    return current;
  };
}
