package dev.flytejava.runtime.exec;

import java.time.Duration;

/**
 * A node state change. {@code path} names the node from the top-level entity down ({@code pipeline/n3},
 * {@code pipeline/n3/b1/n1} inside a subworkflow and branch, {@code pipeline/m1/7} for element 7 of a map node).
 * {@code attempt} counts from 1 ({@code 0} before the first attempt); {@code elapsed} is the time since the
 * node started running (zero before); {@code error} is set for FAILED and for a RUNNING retry (the previous
 * attempt's error).
 */
public record NodeEvent(String executionId, String path, NodeState state, int attempt, Duration elapsed,
    Throwable error) {}
