"""Registers text_tasks.top_word on the FlyteAdmin at argv[1] (insecure) as version argv[2], with flytekit's own
client (FlyteRemote), its code uploaded through the data proxy. Prints `registered NAME version VERSION`."""
import os
import sys

from flytekit.configuration import Config, ImageConfig
from flytekit.remote import FlyteRemote

endpoint, version = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import text_tasks  # noqa: E402

remote = FlyteRemote(Config.for_endpoint(endpoint=endpoint, insecure=True),
                     default_project="flytesnacks", default_domain="development")
registered = remote.register_script(text_tasks.top_word, image_config=ImageConfig.auto_default_image(),
                                    version=version, source_path=here, module_name="text_tasks", copy_all=False)
print(f"registered {registered.id.name} version {registered.id.version}")
