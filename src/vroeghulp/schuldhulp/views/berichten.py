"""Screens: berichten (see views/__init__.py)."""

urlpatterns = []
