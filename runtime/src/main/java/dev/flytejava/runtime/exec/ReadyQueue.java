package dev.flytejava.runtime.exec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The ready nodes of one run: a lock-free multi-producer, multi-consumer FIFO over a fixed array. It needs no
 * allocation per node because every node becomes ready at most once per run, so {@code capacity} = node count.
 */
final class ReadyQueue {
  private final AtomicIntegerArray slots; // node index + 1; 0 = claimed by a producer but not written yet
  private final AtomicInteger head = new AtomicInteger();
  private final AtomicInteger tail = new AtomicInteger();

  ReadyQueue(int capacity) {
    slots = new AtomicIntegerArray(Math.max(1, capacity));
  }

  void add(int node) {
    slots.set(tail.getAndIncrement(), node + 1);
  }

  /** The next ready node, or -1 if none. */
  int poll() {
    while (true) {
      int h = head.get();
      if (h >= tail.get()) {
        return -1;
      }
      if (head.compareAndSet(h, h + 1)) {
        int v;
        while ((v = slots.get(h)) == 0) {
          Thread.onSpinWait(); // the producer has claimed the slot and is about to write it
        }
        return v - 1;
      }
    }
  }

  boolean isEmpty() {
    return head.get() >= tail.get();
  }
}
