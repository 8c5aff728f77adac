"""Seed: ha_noi (being written)."""


def load() -> None:
    pass
