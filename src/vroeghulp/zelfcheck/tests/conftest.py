import pytest


@pytest.fixture(autouse=True)
def _overvecht(request):
    """The walk-through answers 'Overvecht' to the wijk question: that wijk must exist."""
    if "django_db" in {m.name for m in request.node.iter_markers()}:
        request.getfixturevalue("wijk_overvecht")
