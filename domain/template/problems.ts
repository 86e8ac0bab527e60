// Collects template problems once each: a row formula checked in ten columns reports a mistake once.
import type { TemplateProblem } from './types';

export class ProblemList {
  private readonly seen = new Set<string>();
  readonly items: TemplateProblem[] = [];

  add(path: string, message: string, fix: string): void {
    const id = `${path}\n${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.items.push({ path, message, fix });
  }

  get count(): number {
    return this.items.length;
  }
}
