"""flytekit's ClientSecret auth against the testkit's token endpoint: argv[1] host:port, argv[2] client id, the
secret in the environment (FLYTE_CREDENTIALS_CLIENT_SECRET is not used, so it never shows in argv). Lists the
projects, which needs a valid token. Prints RESULT lines."""
import os
import sys

from flytekit.configuration import Config, PlatformConfig
from flytekit.remote import FlyteRemote

endpoint, client_id = sys.argv[1], sys.argv[2]
config = Config(platform=PlatformConfig(endpoint=endpoint, insecure=True, auth_mode="ClientSecret",
                                        client_id=client_id,
                                        client_credentials_secret=os.environ["TESTKIT_SECRET"]))
remote = FlyteRemote(config, default_project="flytesnacks", default_domain="development")
projects = remote.client.list_projects()
print(f"RESULT projects={len(projects.projects)}")
