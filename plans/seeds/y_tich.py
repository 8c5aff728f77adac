"""Seed: y_tich (being written)."""


def load() -> None:
    pass
