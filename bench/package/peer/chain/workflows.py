"""One task and a workflow that calls it CHAIN_LENGTH times in a row, as ChainPackageMain declares it in Java."""
import os

from flytekit import task, workflow

CHAIN_LENGTH = int(os.environ.get("CHAIN_LENGTH", "1000"))


@task
def step(x: int) -> int:
    return x + 1


@workflow
def chain(x: int) -> int:
    value = x
    for _ in range(CHAIN_LENGTH):
        value = step(x=value)
    return value
