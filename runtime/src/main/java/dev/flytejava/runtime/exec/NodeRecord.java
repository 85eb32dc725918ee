package dev.flytejava.runtime.exec;

/**
 * What happened to one top-level node of an execution: final state, attempts used (0 if it never ran or was
 * served from the cache), cache hit, start offset from the execution start and duration, in microseconds.
 */
public record NodeRecord(String path, NodeState state, int attempts, boolean cacheHit, long startMicros,
    long durationMicros) {}
