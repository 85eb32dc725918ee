"""pyflyte with a count of FlyteAdmin calls: `python count_creates.py OUT.json ARGS...` runs pyflyte's own main with
ARGS, counting the calls flytekit's raw gRPC client makes (CreateTask, CreateWorkflow, CreateLaunchPlan,
CreateUploadLocation) and the exceptions they raised, and writes the counts to OUT.json at exit. Untimed: the timed
runs are the plain `pyflyte` script; this one only tells how many create calls an unchanged `pyflyte register` sends
(the testkit counts calls only in-process)."""
import atexit
import collections
import json
import sys

from flytekit.clients import raw
from flytekit.clis.sdk_in_container.pyflyte import main

calls = collections.Counter()


def counted(name, method):
    def call(self, *args, **kwargs):
        calls[name] += 1
        try:
            return method(self, *args, **kwargs)
        except Exception as e:  # FlyteEntityAlreadyExistsException for an entity that is registered already
            calls[f"{name} {type(e).__name__}"] += 1
            raise
    return call


for method, name in (("create_task", "CreateTask"), ("create_workflow", "CreateWorkflow"),
                     ("create_launch_plan", "CreateLaunchPlan"), ("create_upload_location", "CreateUploadLocation")):
    setattr(raw.RawSynchronousFlyteClient, method, counted(name, getattr(raw.RawSynchronousFlyteClient, method)))

out = sys.argv.pop(1)
atexit.register(lambda: json.dump(dict(calls), open(out, "w")))
sys.argv[0] = "pyflyte"
sys.exit(main())
