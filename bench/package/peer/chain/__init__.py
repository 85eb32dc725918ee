"""The flytekit peer of bench/package: a workflow chaining one task CHAIN_LENGTH times (default 1000)."""
