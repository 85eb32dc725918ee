"""The Python side of RemoteReferenceIT: a flytekit task that reads a Java record as a dataclass and returns one, and a
workflow (with its default launch plan) that runs it twice."""
from dataclasses import dataclass

from flytekit import task, workflow


@dataclass
class Point:
    x: int
    y: int


@task
def shift_point(p: Point, by: int) -> Point:
    return Point(x=p.x + by, y=p.y + by)


@workflow
def shift_twice(p: Point, by: int) -> Point:
    return shift_point(p=shift_point(p=p, by=by), by=by)
