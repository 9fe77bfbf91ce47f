import { InvalidArgumentError } from 'commander';

/** A commander option parser for a whole number of at least `min` (told in one line, as every CLI mistake). */
export const integerAtLeast =
  (min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (Number.isInteger(n) && n >= min) return n;
    throw new InvalidArgumentError(
      min === 1 ? '须为正整数 / expected a positive integer' : `须为不小于 ${min} 的整数 / expected an integer ≥ ${min}`,
    );
  };
