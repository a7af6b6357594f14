/**
 * A lookup table filled from several sources (languages) that forgets a key as soon as two
 * of them map it to different values: for a match key, no answer beats a guess.
 */
export class UnambiguousMap<Value> {
  readonly #values = new Map<string, Value>();
  readonly #disputed = new Set<string>();

  add(key: string, value: Value): void {
    if (this.#disputed.has(key)) return;
    const known = this.#values.get(key);
    if (known === undefined) this.#values.set(key, value);
    else if (known !== value) {
      this.#values.delete(key);
      this.#disputed.add(key);
    }
  }

  get(key: string): Value | undefined {
    return this.#values.get(key);
  }
}
