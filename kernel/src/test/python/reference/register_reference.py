"""FlyteRemote registers mixed_tasks.shift_point, and the workflow shift_twice with its default launch plan, on the
FlyteAdmin at argv[1] (host:port, insecure) as version argv[2], their code fast-registered through the data proxy.
Prints `RESULT registered=NAME:VERSION` for each."""
import os
import sys

from flytekit.configuration import Config, ImageConfig
from flytekit.remote import FlyteRemote

endpoint, version = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import mixed_tasks  # noqa: E402

remote = FlyteRemote(Config.for_endpoint(endpoint=endpoint, insecure=True),
                     default_project="flytesnacks", default_domain="development")
registered = remote.register_script(mixed_tasks.shift_point, image_config=ImageConfig.auto_default_image(),
                                    version=version, source_path=here, module_name="mixed_tasks", copy_all=False)
print(f"RESULT registered={registered.id.name}:{registered.id.version}")
registered = remote.register_script(mixed_tasks.shift_twice, image_config=ImageConfig.auto_default_image(),
                                    version=version, source_path=here, module_name="mixed_tasks", copy_all=False)
print(f"RESULT registered={registered.id.name}:{registered.id.version}")
