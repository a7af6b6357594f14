/**
 * `compute`, remembered per input within a bound: for values that repeat on every row
 * (column names, attribute names, countries), computed once each, while a file of random
 * keys cannot grow memory (past the bound, everything is forgotten and remembered afresh).
 */
export function boundedMemo<Input, Output>(
  compute: (input: Input) => Output,
  atMost = 1000,
): (input: Input) => Output {
  const remembered = new Map<Input, Output>();
  return (input) => {
    if (remembered.has(input)) return remembered.get(input) as Output;
    const output = compute(input);
    if (remembered.size >= atMost) remembered.clear();
    remembered.set(input, output);
    return output;
  };
}
