"""Seed: dong_thap (being written)."""


def load() -> None:
    pass
