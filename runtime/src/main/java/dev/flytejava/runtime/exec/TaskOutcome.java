package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/** Outputs of one task call, with how many attempts it took and whether they came from the cache. */
record TaskOutcome(Literal[] outputs, int attempts, boolean cacheHit) {}
