/** An async iterator you can look one item ahead in: the merge of ClawLoop's files needs each file's next key. */
export class Peekable<T> {
  private head: IteratorResult<T> | undefined;

  constructor(private readonly source: AsyncIterator<T>) {}

  static of<T>(iterable: AsyncIterable<T> | undefined): Peekable<T> {
    return new Peekable(iterable ? iterable[Symbol.asyncIterator]() : (async function* () {})());
  }

  async peek(): Promise<T | undefined> {
    this.head ??= await this.source.next();
    return this.head.done ? undefined : this.head.value;
  }

  async next(): Promise<T | undefined> {
    const value = await this.peek();
    this.head = undefined;
    return value;
  }

  /** Takes every item at the front whose key equals `key`. */
  async takeWhile(matches: (item: T) => boolean): Promise<T[]> {
    const out: T[] = [];
    for (let item = await this.peek(); item !== undefined && matches(item); item = await this.peek()) {
      out.push(item);
      await this.next();
    }
    return out;
  }
}
