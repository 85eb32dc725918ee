"""The Python side of 03-to-production: a flytekit task that a Java workflow calls through %flyte reference task."""
from typing import Dict

from flytekit import task


@task
def top_word(counts: Dict[str, int]) -> str:
    """The most frequent word; the first in alphabetical order among equals."""
    return min(counts, key=lambda w: (-counts[w], w)) if counts else ""
