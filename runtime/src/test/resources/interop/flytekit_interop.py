"""The flytekit side of the type interop test (FlytekitInteropTest): a table of Python values, written as Flyte
literals by flytekit's TypeEngine, and the check that literals written by our Java TypeEngine read back into the
same Python values.

    python flytekit_interop.py write DIR   one DIR/<case>.pb (core.Literal) and DIR/<case>.type.pb (core.LiteralType)
                                           per case, and DIR/index.json naming each case, its type and its value
    python flytekit_interop.py read DIR    reads DIR/<case>.pb for every case, exits 1 naming each mismatch

Run it with the project's venv (bin/python-env), never the system Python.
"""
import dataclasses
import datetime as dt
import enum
import json
import math
import os
import sys
import typing
from dataclasses import dataclass
from typing import Dict, List, Optional

from flyteidl.core import literals_pb2
from flytekit.core.context_manager import FlyteContextManager
from flytekit.core.type_engine import TypeEngine
from flytekit.models.literals import Literal
from flytekit.types.directory import FlyteDirectory
from flytekit.types.file import FlyteFile
from flytekit.types.structured import StructuredDataset

UTC = dt.timezone.utc


class Color(enum.Enum):
    """Values differ from names: the Java mirror names them with @JsonProperty."""

    RED = "red"
    GREEN = "green"
    BLUE = "blue"


class Mode(enum.Enum):
    """Values equal to names: a plain Java enum mirrors it."""

    FAST = "FAST"
    SLOW = "SLOW"


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Line:
    sku: str
    quantity: int
    unit_price: float


@dataclass
class Basket:
    basket_id: str
    lines: List[Line]
    tags: Dict[str, str]
    by_sku: Dict[str, Line]
    matrix: List[List[int]]
    color: Color
    mode: Mode
    coupon: Optional[str]
    best_line: Optional[Line]
    flags: Dict[str, List[bool]]
    paid: bool


@dataclass
class Event:
    at: dt.datetime
    local_at: dt.datetime
    took: dt.timedelta
    later: Optional[dt.datetime]
    whole: dt.datetime


@dataclass
class Stamp:
    at: dt.datetime
    took: dt.timedelta
    mode: Mode
    weights: List[float]
    rank: Optional[int]


@dataclass
class Refs:
    file: FlyteFile
    folder: FlyteDirectory
    dataset: StructuredDataset


BASKET = Basket(
    basket_id="b-17",
    lines=[Line("A-1", 2, 9.5), Line("B-2", 1, 0.1)],
    tags={"channel": "web", "région": "eu"},
    by_sku={"A-1": Line("A-1", 2, 9.5)},
    matrix=[[1, 2], [], [-3]],
    color=Color.BLUE,
    mode=Mode.FAST,
    coupon=None,
    best_line=Line("A-1", 2, 9.5),
    flags={"gift": [True, False], "none": []},
    paid=True,
)

# name -> (Python type, value); FlytekitInteropTest has the same names with the Java type and value
CASES: Dict[str, typing.Tuple[typing.Any, typing.Any]] = {
    "int_zero": (int, 0),
    "int_negative": (int, -42),
    "int_big": (int, 2**62 + 1),
    "int_min": (int, -(2**63)),
    "float_fraction": (float, 0.1),
    "float_huge_negative": (float, -2.5e300),
    "float_integral": (float, 3.0),
    "float_infinity": (float, math.inf),
    "str_empty": (str, ""),
    "str_unicode": (str, "héllo, wörld ✓ 🚀"),
    "bool_true": (bool, True),
    "bool_false": (bool, False),
    "datetime_utc": (dt.datetime, dt.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC)),
    "datetime_whole_second": (dt.datetime, dt.datetime(1999, 12, 31, 0, 0, 0, tzinfo=UTC)),
    "datetime_before_epoch": (dt.datetime, dt.datetime(1969, 7, 20, 20, 17, 40, 500000, tzinfo=UTC)),
    "timedelta_long": (dt.timedelta, dt.timedelta(days=3, hours=4, seconds=5, microseconds=6)),
    "timedelta_negative": (dt.timedelta, dt.timedelta(seconds=-90)),
    "timedelta_negative_fraction": (dt.timedelta, dt.timedelta(microseconds=-1500)),
    "enum_value": (Color, Color.GREEN),
    "enum_plain": (Mode, Mode.SLOW),
    "list_ints": (List[int], [1, -2, 3]),
    "list_empty": (List[str], []),
    "list_nested": (List[List[float]], [[1.5], [], [2.0, -3.25]]),
    "list_optional": (List[Optional[str]], ["a", None, "c"]),
    "list_enums": (List[Color], [Color.RED, Color.BLUE]),
    "dict_str_int": (Dict[str, int], {"a": 1, "b": 2}),
    "dict_nested": (Dict[str, List[bool]], {"x": [True, False], "y": []}),
    "dict_untyped": (dict, {"n": 1, "f": 2.5, "s": "x", "l": [1, "two"], "m": {"k": None}, "b": True}),
    "optional_none": (Optional[int], None),
    "optional_set": (Optional[int], 7),
    "optional_str": (Optional[str], "x"),
    "optional_dataclass": (Optional[Point], Point(3, 4)),
    "optional_dataclass_none": (Optional[Point], None),
    "dataclass_flat": (Point, Point(1, -2)),
    "dataclass_nested": (Basket, BASKET),
    "dataclass_times": (
        Event,
        Event(
            at=dt.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC),
            local_at=dt.datetime(2024, 3, 1, 8, 30, 0, 250000),
            took=dt.timedelta(minutes=1, seconds=30, microseconds=250),
            later=None,
            whole=dt.datetime(2000, 1, 1, tzinfo=UTC),
        ),
    ),
    "dataclass_plain_times": (
        Stamp,
        Stamp(at=dt.datetime(2021, 5, 6, 7, 8, 9, 10, tzinfo=UTC), took=dt.timedelta(hours=2), mode=Mode.SLOW,
              weights=[0.5, 2.0], rank=3),
    ),
    "list_plain_times": (
        List[Stamp],
        [
            Stamp(at=dt.datetime(1970, 1, 1, tzinfo=UTC), took=dt.timedelta(0), mode=Mode.FAST, weights=[], rank=None),
            Stamp(at=dt.datetime(2030, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), took=dt.timedelta(days=-1, microseconds=1),
                  mode=Mode.SLOW, weights=[-1.0], rank=-5),
        ],
    ),
    "dataclass_refs": (
        Refs,
        Refs(
            file=FlyteFile("s3://bucket/data/a.csv"),
            folder=FlyteDirectory("s3://bucket/data/dir"),
            dataset=StructuredDataset(uri="s3://bucket/tables/t1", file_format="parquet"),
        ),
    ),
    "list_dataclass": (List[Point], [Point(0, 0), Point(-1, 2**40)]),
    "dict_dataclass": (Dict[str, Line], {"first": Line("C-3", 5, 1.25)}),
    "file_remote": (FlyteFile, FlyteFile("s3://bucket/data/report.pdf")),
    "directory_remote": (FlyteDirectory, FlyteDirectory("s3://bucket/data/images")),
    "dataset_parquet": (StructuredDataset, StructuredDataset(uri="s3://bucket/tables/t2", file_format="parquet")),
    "dataset_any_format": (StructuredDataset, StructuredDataset(uri="gs://bucket/tables/t3")),
}


def canonical(value):
    """A form to compare by: the type of every scalar counts (True is not 1), files by their remote location."""
    if isinstance(value, FlyteFile):
        return ("FlyteFile", value.remote_source or str(value.path))
    if isinstance(value, FlyteDirectory):
        return ("FlyteDirectory", value.remote_source or str(value.path))
    if isinstance(value, StructuredDataset):
        uri = value.uri or (value.literal.uri if value.literal is not None else None)
        return ("StructuredDataset", uri, value.file_format)
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)})
    if isinstance(value, enum.Enum):
        return (type(value).__name__, value.value)
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, dt.datetime):
        return ("datetime", value.isoformat())  # the offset counts: naive stays naive
    return (type(value).__name__, value)


def write(folder):
    ctx = FlyteContextManager.current_context()
    os.makedirs(folder, exist_ok=True)
    index = []
    for name, (python_type, value) in CASES.items():
        literal_type = TypeEngine.to_literal_type(python_type)
        literal = TypeEngine.to_literal(ctx, value, python_type, literal_type)
        with open(os.path.join(folder, name + ".pb"), "wb") as f:
            f.write(literal.to_flyte_idl().SerializeToString())
        with open(os.path.join(folder, name + ".type.pb"), "wb") as f:
            f.write(literal_type.to_flyte_idl().SerializeToString())
        index.append({"case": name, "python_type": repr(python_type), "expected": repr(value),
                      "literal": name + ".pb", "literal_type": name + ".type.pb"})
    with open(os.path.join(folder, "index.json"), "w", encoding="utf-8") as f:
        json.dump({"flytekit": _flytekit_version(), "cases": index}, f, indent=1, ensure_ascii=False)
    print(f"flytekit {_flytekit_version()} wrote {len(index)} cases to {folder}")
    return 0


def read(folder):
    ctx = FlyteContextManager.current_context()
    mismatches = []
    for name, (python_type, expected) in CASES.items():
        path = os.path.join(folder, name + ".pb")
        try:
            with open(path, "rb") as f:
                message = literals_pb2.Literal()
                message.ParseFromString(f.read())
            actual = TypeEngine.to_python_value(ctx, Literal.from_flyte_idl(message), python_type)
        except Exception as e:  # every failure is a finding: name it and go on
            mismatches.append(f"{name} ({python_type!r}): {type(e).__name__}: {e}")
            continue
        if canonical(actual) != canonical(expected):
            mismatches.append(f"{name} ({python_type!r}): expected {expected!r}, read {actual!r}")
    for line in mismatches:
        print("MISMATCH " + line)
    print(f"flytekit {_flytekit_version()} read {len(CASES) - len(mismatches)} of {len(CASES)} cases as expected")
    return 1 if mismatches else 0


def _flytekit_version():
    from importlib.metadata import version

    return version("flytekit")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "read"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(write(sys.argv[2]) if sys.argv[1] == "write" else read(sys.argv[2]))
