"""Seed: cu_chi (being written)."""


def load() -> None:
    pass
