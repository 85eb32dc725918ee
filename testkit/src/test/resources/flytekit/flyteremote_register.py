"""FlyteRemote from flytekit registers remote_wf on a FlyteAdmin at argv[1] (host:port, insecure), fast-registering
its code through the data proxy, then fetches it back; with --create it also starts an execution (not waiting)
and reads it back, with --run it executes it to the end and prints the outputs.
Prints one `RESULT key=value` line per fact the Java test checks."""
import os
import sys

from flytekit.configuration import Config, ImageConfig
from flytekit.remote import FlyteRemote

endpoint, version = sys.argv[1], sys.argv[2]
run = "--run" in sys.argv[3:]
create = "--create" in sys.argv[3:]
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import remote_wf  # noqa: E402

remote = FlyteRemote(Config.for_endpoint(endpoint=endpoint, insecure=True),
                     default_project="flytesnacks", default_domain="development")
registered = remote.register_script(remote_wf.remote_wf, image_config=ImageConfig.auto_default_image(),
                                    version=version, source_path=here, module_name="remote_wf",
                                    copy_all=False)
print(f"RESULT registered={registered.id.name}:{registered.id.version}")
# the same again: FlyteAdmin answers ALREADY_EXISTS, which flytekit takes as done
remote.register_script(remote_wf.remote_wf, image_config=ImageConfig.auto_default_image(), version=version,
                       source_path=here, module_name="remote_wf", copy_all=False)
print("RESULT again=ok")
fetched = remote.fetch_workflow(name="remote_wf.remote_wf", version=version)
print(f"RESULT nodes={len(fetched.flyte_nodes)}")
task = remote.fetch_task(name="remote_wf.double", version=version)
args = list(task.template.container.args)
print(f"RESULT code={args[args.index('--additional-distribution') + 1]}")
lp = remote.fetch_launch_plan(name="remote_wf.remote_wf", version=version)
print(f"RESULT launchplan={lp.id.name}")
if run:
    execution = remote.execute(lp, inputs={"x": 2, "name": "java"}, wait=True)
    print(f"RESULT phase={execution.closure.phase}")
    if execution.closure.error is not None:
        print(f"execution error: {execution.closure.error.message}")
    print(f"RESULT output={execution.outputs['o0']}")
if create:
    execution = remote.execute(lp, inputs={"x": 5}, execution_name="fromflytekit", wait=False)
    print(f"RESULT execution={execution.id.name}")
    fetched = remote.fetch_execution(name="fromflytekit")
    print(f"RESULT fetched_phase={fetched.closure.phase}")
    print(f"RESULT launch_plan={fetched.spec.launch_plan.name}")
