"""flytekit's side of the entrypoint test: writes the inputs.pb a Flyte task pod gets and reads the outputs.pb
(or error.pb) our entrypoint wrote, with flytekit 1.16's own TypeEngine and protos.

  entrypoint_peer.py write-inputs FILE     inputs of `Box grow(Box b, long by)`: b=Box(w=4, label="box"), by=3
  entrypoint_peer.py read-outputs FILE     prints the o0 output as JSON, read back as the Python dataclass
  entrypoint_peer.py read-error FILE       prints the ErrorDocument's fields as JSON
"""
import json
import sys
from dataclasses import asdict, dataclass

from flyteidl.core import errors_pb2, literals_pb2
from flytekit.core.context_manager import FlyteContextManager
from flytekit.core.type_engine import TypeEngine
from flytekit.models.literals import LiteralMap


@dataclass
class Box:
    w: int
    label: str


def write_inputs(path):
    ctx = FlyteContextManager.current_context()
    literals = TypeEngine.dict_to_literal_map(ctx, {"b": Box(w=4, label="box"), "by": 3}, {"b": Box, "by": int})
    with open(path, "wb") as f:
        f.write(literals.to_flyte_idl().SerializeToString())


def read_outputs(path):
    ctx = FlyteContextManager.current_context()
    pb = literals_pb2.LiteralMap()
    with open(path, "rb") as f:
        pb.ParseFromString(f.read())
    value = TypeEngine.to_python_value(ctx, LiteralMap.from_flyte_idl(pb).literals["o0"], Box)
    print(json.dumps({"type": type(value).__name__, "value": asdict(value)}))


def read_error(path):
    doc = errors_pb2.ErrorDocument()
    with open(path, "rb") as f:
        doc.ParseFromString(f.read())
    e = doc.error
    print(json.dumps({"code": e.code, "message": e.message, "kind": errors_pb2.ContainerError.Kind.Name(e.kind),
                      "origin": e.origin}))


if __name__ == "__main__":
    {"write-inputs": write_inputs, "read-outputs": read_outputs, "read-error": read_error}[sys.argv[1]](sys.argv[2])
