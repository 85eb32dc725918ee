"""The peer's trivial task: the same as the Java task the benchmark runs (long addOne(long x))."""
from flytekit import task


@task
def add_one(x: int) -> int:
    return x + 1
