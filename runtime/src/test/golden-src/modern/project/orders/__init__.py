"""A small flytekit project whose `pyflyte package` output is the modern golden set (see ../../LAYOUT.md)."""
