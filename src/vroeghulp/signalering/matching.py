"""Matching of vroegsignalen into vroegsignaalzaken (DDAS Vroegsignaalzaak).

Entry point for the intake: ``match_signalen(signaal_ids)``, called right after a delivery is stored.
(First version: the interface; the set-based implementation follows in the next commit.)
"""


def match_signalen(signaal_ids: list[int]) -> None:
    """Match the given stored signals into vroegsignaalzaken (set-based, in chunks)."""
    return None
