"""Screens: schulden (see views/__init__.py)."""

urlpatterns = []
