/**
 * An instance's cache in the simulation: at most `max` keys out of `0 .. keySpace - 1`, each with
 * the time it stays fresh, the least recently used evicted first (as the skill's loading cache
 * does), in typed arrays: a day at millions of requests does no allocation per request.
 */
export class ExpiringLru {
  /** Key -> slot + 1 (0: not held). */
  private readonly slotOf: Int32Array;
  private readonly keyAt: Int32Array;
  private readonly untilAt: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly free: Int32Array;
  private freeCount = 0;
  private used = 0;
  /** Most recently used slot, and least. */
  private head = -1;
  private tail = -1;
  private count = 0;

  constructor(
    keySpace: number,
    private readonly max: number,
  ) {
    this.slotOf = new Int32Array(keySpace);
    this.keyAt = new Int32Array(max);
    this.untilAt = new Float64Array(max);
    this.prev = new Int32Array(max).fill(-1);
    this.next = new Int32Array(max).fill(-1);
    this.free = new Int32Array(max);
  }

  /** Keys held. */
  get size(): number {
    return this.count;
  }

  /** True when `key` is held and fresh at `t` (it becomes the most recently used); a stale one is dropped. */
  has(key: number, t: number): boolean {
    const slot = (this.slotOf[key] ?? 0) - 1;
    if (slot < 0) return false;
    if ((this.untilAt[slot] ?? 0) <= t) {
      this.remove(slot);
      return false;
    }
    this.toFront(slot);
    return true;
  }

  /** Holds `key` until `until`, as the most recently used; evicts the least recently used when full. */
  set(key: number, until: number): void {
    let slot = (this.slotOf[key] ?? 0) - 1;
    if (slot >= 0) {
      this.untilAt[slot] = until;
      this.toFront(slot);
      return;
    }
    if (this.count >= this.max) this.remove(this.tail);
    slot = this.freeCount > 0 ? (this.free[--this.freeCount] ?? 0) : this.used++;
    this.keyAt[slot] = key;
    this.untilAt[slot] = until;
    this.slotOf[key] = slot + 1;
    this.count += 1;
    this.linkFront(slot);
  }

  private unlink(slot: number): void {
    const p = this.prev[slot] ?? -1;
    const n = this.next[slot] ?? -1;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }

  private linkFront(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head >= 0) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }

  private toFront(slot: number): void {
    if (this.head === slot) return;
    this.unlink(slot);
    this.linkFront(slot);
  }

  private remove(slot: number): void {
    this.unlink(slot);
    this.slotOf[this.keyAt[slot] ?? 0] = 0;
    this.free[this.freeCount++] = slot;
    this.count -= 1;
  }
}
