"""A small flytekit workflow that FlyteRemoteTest registers (and runs) on the testkit's FlyteAdmin."""
from flytekit import task, workflow


@task
def double(x: int) -> int:
    return x * 2


@task
def greet(name: str, times: int) -> str:
    return " ".join([f"hello {name}"] * times)


@workflow
def remote_wf(x: int = 3, name: str = "flyte") -> str:
    return greet(name=name, times=double(x=x))
