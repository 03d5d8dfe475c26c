/**
 * Turns a producer that pushes values (the loop, whose trainer reports through callbacks) into
 * an async iterable the consumer pulls from.
 */
export class EventQueue<T> {
  private readonly items: T[] = [];
  private waiting: (() => void) | null = null;
  private closed = false;

  push(item: T): void {
    this.items.push(item);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  async *drain(): AsyncGenerator<T> {
    for (;;) {
      while (this.items.length > 0) yield this.items.shift() as T;
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private notify(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }
}
