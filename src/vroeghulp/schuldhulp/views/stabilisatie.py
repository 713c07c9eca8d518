"""Screens: stabilisatie (see views/__init__.py)."""

urlpatterns = []
