"""Screens: regeling (see views/__init__.py)."""

urlpatterns = []
