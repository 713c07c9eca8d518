"""The refusals of a workflow (cases in zaken, trajecten in schuldhulp): one family of exceptions,
each with a Dutch message the consulent can act on, so every screen shows them the same way."""


class WerkstroomFout(Exception):
    """A refused change, with a Dutch message a consulent can act on."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


class OvergangNietToegestaan(WerkstroomFout):
    """The step is not allowed from the current state."""


class OngeldigeInvoer(WerkstroomFout):
    """The step is allowed, but what was filled in is not."""
