"""The offline place index: built once from packaged GeoNames data, then loaded fast."""


def load_gazetteer(settings: object | None = None) -> object | None:
    """The process-wide gazetteer (built on first use)."""
    return None
