"""Seed: national (being written)."""


def load() -> None:
    pass
