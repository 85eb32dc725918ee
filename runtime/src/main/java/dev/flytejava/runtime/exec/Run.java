package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * One execution of a {@link Plan}. The calling thread drives it; up to {@code parallelism - 1} helpers from the
 * shared pool join while more than one node is ready.
 *
 * <p>Scheduling: each node has a counter of unsettled upstream nodes. When a node settles (succeeded, failed or
 * skipped) its successors' counters drop; a successor reaching zero is ready. The first ready successor runs next
 * on the same thread (a chain never changes threads and never recurses), the others go to the ready queue.
 * After a failure no new node runs except teardown nodes, whose data inputs must have been produced; the rest are
 * SKIPPED. The driver returns when every node has settled.
 *
 * <p>Helpers are woken only for nodes not known to be quick (see {@link TaskRunner#isQuick()}): for tasks that take
 * a microsecond, a thread handoff costs more than the task, so such nodes run on the threads already working.
 * Interrupting the driver fails the run and interrupts its helpers.
 */
final class Run {
  static final byte PENDING = 0;
  static final byte SUCCEEDED = 1;
  static final byte CACHED = 2;
  static final byte FAILED = 3;
  static final byte SKIPPED = 4;

  final ExecContext ctx;
  final Plan plan;
  final String prefix;
  final Literal[] inputs;
  final Literal[][] outputs;
  final byte[] states;
  final long[] startNanos;
  final long[] endNanos;
  final int[] attempts;
  final boolean[] cacheHit;
  /** Whether node start/end times are taken (for records and listeners); otherwise the clock is mostly skipped. */
  final boolean timed;

  private final AtomicIntegerArray pending;
  private final AtomicInteger settled = new AtomicInteger();
  private final ReadyQueue ready;
  private final AtomicInteger helpers = new AtomicInteger();
  private final ConcurrentLinkedQueue<NodeFailedException> failures = new ConcurrentLinkedQueue<>();
  private final int maxHelpers;
  private final Runnable helper = this::help;
  /** Helper threads inside {@link #help()} for this run; guarded by itself. */
  private final java.util.Set<Thread> helperThreads = new java.util.HashSet<>();
  private volatile boolean failed;
  private volatile Thread driver;

  Run(ExecContext ctx, Plan plan, String prefix, Literal[] inputs, boolean timed) {
    this.ctx = ctx;
    this.timed = timed || ctx.listening;
    this.plan = plan;
    this.prefix = prefix;
    this.inputs = inputs;
    int n = plan.size;
    outputs = new Literal[n][];
    states = new byte[n];
    startNanos = new long[n];
    endNanos = new long[n];
    attempts = new int[n];
    cacheHit = new boolean[n];
    pending = new AtomicIntegerArray(plan.indegree);
    ready = new ReadyQueue(n);
    maxHelpers = Math.max(0, ctx.parallelism - 1);
  }

  /** Runs every node, then returns the workflow's output literals or throws the first node failure. */
  Literal[] execute() {
    driver = Thread.currentThread();
    int n = plan.size;
    boolean interrupted = false;
    if (n > 0) {
      // roots that may take a while go to the queue for helpers; quick ones run here, in order, without queueing
      int[] roots = plan.roots;
      boolean[] quick = new boolean[roots.length];
      int slow = 0;
      for (int r = 1; r < roots.length; r++) {
        quick[r] = plan.execs[roots[r]].isQuick();
        if (!quick[r]) {
          enqueue(roots[r]);
          slow++;
        }
      }
      signal(slow);
      for (int r = 0; r < roots.length; r++) {
        if (r == 0 || quick[r]) {
          if (ctx.listening) {
            queued(roots[r]);
          }
          drive(roots[r]);
        }
      }
      while (settled.get() < n) {
        int i = ready.poll();
        if (i >= 0) {
          drive(i);
          continue;
        }
        LockSupport.park(this);
        if (Thread.interrupted()) {
          interrupted = true;
          stopOnInterrupt();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    NodeFailedException first = failures.poll();
    if (first != null) {
      for (NodeFailedException other : failures) {
        if (other != first) {
          first.addSuppressed(other);
        }
      }
      throw first;
    }
    Literal[] out = new Literal[plan.outputs.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = plan.outputs[k].resolve(this);
    }
    return out;
  }

  String path(int i) {
    return prefix + "/" + plan.ids[i];
  }

  private void drive(int first) {
    int i = first;
    while (i >= 0) {
      i = step(i);
    }
  }

  /** Runs or skips node {@code i}, settles it, and returns a successor to run next on this thread (or -1). */
  private int step(int i) {
    if (!failed && Thread.currentThread().isInterrupted()) {
      stopOnInterrupt();
    }
    byte state;
    if (plan.teardown[i] ? !inputsProduced(i) : failed) {
      state = SKIPPED;
      if (ctx.listening) {
        ctx.emit(path(i), NodeState.SKIPPED, 0, 0, null);
      }
    } else {
      state = runNode(i);
    }
    states[i] = state;
    return settle(i);
  }

  private byte runNode(int i) {
    NodeExec exec = plan.execs[i];
    boolean own = exec.reportsOwnEvents();
    if (!ready.isEmpty() && !exec.isQuick()) {
      spawnHelper(); // this node may take a while: let a helper take the queue meanwhile
    }
    long start = timed ? System.nanoTime() : 0;
    startNanos[i] = start;
    String path = own && !ctx.listening ? null : path(i);
    if (!own && ctx.listening) {
      ctx.emit(path, NodeState.RUNNING, 1, start, null);
    }
    try {
      Resolver[] rs = plan.inputs[i];
      Literal[] in = new Literal[rs.length];
      for (int k = 0; k < in.length; k++) {
        in[k] = rs[k].resolve(this);
      }
      outputs[i] = exec.execute(this, i, prefix, plan.ids[i], in);
      if (!own && timed) {
        endNanos[i] = System.nanoTime();
      }
      if (!own && ctx.listening) {
        ctx.emit(path, NodeState.SUCCEEDED, 1, start, null);
      }
      return cacheHit[i] ? CACHED : SUCCEEDED;
    } catch (RuntimeException | Error e) {
      endNanos[i] = timed ? System.nanoTime() : 0;
      NodeFailedException f = e instanceof NodeFailedException nf ? nf
          : new NodeFailedException(path(i), exec.taskName(), 0, 0, String.valueOf(e.getMessage()), e);
      if (!own && ctx.listening) {
        ctx.emit(path, NodeState.FAILED, 0, start, f);
      }
      failures.add(f);
      failed = true;
      return FAILED;
    }
  }

  /** A teardown runs only if every node it reads from produced its outputs. */
  private boolean inputsProduced(int i) {
    for (int d : plan.dataDeps[i]) {
      if (states[d] != SUCCEEDED && states[d] != CACHED) {
        return false;
      }
    }
    return true;
  }

  private int settle(int i) {
    int next = -1;
    int queued = 0;
    int slow = 0;
    for (int s : plan.successors[i]) {
      if (pending.decrementAndGet(s) == 0) {
        if (next < 0) {
          next = s;
          if (ctx.listening) {
            queued(s);
          }
        } else {
          enqueue(s);
          queued++;
          if (!plan.execs[s].isQuick()) {
            slow++;
          }
        }
      }
    }
    if (queued > 0) {
      signal(slow);
    }
    if (settled.incrementAndGet() == plan.size) {
      LockSupport.unpark(driver);
    }
    return next;
  }

  /** Fails the run (once) and interrupts its helpers: their running tasks stop and nothing new starts. */
  private void stopOnInterrupt() {
    synchronized (helperThreads) {
      if (!failed) {
        failures.add(new NodeFailedException(prefix, null, 0, 0, "interrupted", new InterruptedException()));
        failed = true;
      }
    }
    interruptHelpers();
  }

  private void interruptHelpers() {
    synchronized (helperThreads) {
      for (Thread t : helperThreads) {
        t.interrupt();
      }
    }
  }

  private void queued(int i) {
    ctx.emit(path(i), NodeState.QUEUED, 0, 0, null);
  }

  private void enqueue(int i) {
    if (ctx.listening) {
      queued(i);
    }
    ready.add(i);
  }

  /**
   * Wakes the driver and starts up to {@code count} helpers (within the bound) for newly queued nodes that are
   * not known to be quick; quick ones are left to the threads already running.
   */
  private void signal(int count) {
    for (int k = 0; k < count && spawnHelper(); k++) {
      // one helper per queued node, up to the bound
    }
    LockSupport.unpark(driver);
  }

  private boolean spawnHelper() {
    while (true) {
      int h = helpers.get();
      if (h >= maxHelpers) {
        return false;
      }
      if (helpers.compareAndSet(h, h + 1)) {
        ctx.pool.execute(helper);
        return true;
      }
    }
  }

  private void help() {
    synchronized (helperThreads) {
      helperThreads.add(Thread.currentThread());
    }
    try {
      int i;
      while ((i = ready.poll()) >= 0) {
        drive(i);
      }
    } finally {
      synchronized (helperThreads) {
        helperThreads.remove(Thread.currentThread());
        Thread.interrupted(); // an interrupt meant for this run must not leak into the pool thread's next job
      }
      helpers.decrementAndGet();
    }
    // an item queued while this helper was leaving would otherwise wait for the driver alone
    if (!ready.isEmpty() && settled.get() < plan.size) {
      spawnHelper();
    }
  }
}
