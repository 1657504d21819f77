/** numerator ÷ denominator, and 0 rather than NaN when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
