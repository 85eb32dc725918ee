"""The Python side of RemoteReferenceIT: a flytekit task that reads a Java record as a dataclass and returns one."""
from dataclasses import dataclass

from flytekit import task


@dataclass
class Point:
    x: int
    y: int


@task
def shift_point(p: Point, by: int) -> Point:
    return Point(x=p.x + by, y=p.y + by)
