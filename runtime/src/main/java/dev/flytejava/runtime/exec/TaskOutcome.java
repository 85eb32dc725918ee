package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/** Outputs of one task call, how many attempts it took, whether they came from the cache, and when it ended. */
record TaskOutcome(Literal[] outputs, int attempts, boolean cacheHit, long endNanos) {}
