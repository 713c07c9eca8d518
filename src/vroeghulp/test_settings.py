"""Settings for the test suite: the normal settings with VROEGHULP_OMGEVING=test."""

import os

os.environ["VROEGHULP_OMGEVING"] = "test"

from vroeghulp.settings import *  # noqa: E402,F403
