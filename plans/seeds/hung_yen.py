"""Seed: hung_yen (being written)."""


def load() -> None:
    pass
