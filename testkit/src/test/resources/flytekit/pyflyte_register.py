"""`pyflyte register remote_wf.py` against a FlyteAdmin at argv[1] (host:port, insecure), version argv[2], through
a flytectl-style config file: what `pyflyte register` users (and bench/run register) do."""
import os
import sys

from flytekit.clis.sdk_in_container.pyflyte import main

endpoint, version = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
config = os.path.join(here, "config.yaml")
with open(config, "w") as f:
    f.write(f"admin:\n  endpoint: dns:///{endpoint}\n  insecure: true\n")
os.chdir(here)
sys.argv = ["pyflyte", "--config", config, "register", "--project", "flytesnacks", "--domain", "development",
            "--version", version, "remote_wf.py"]
main()
