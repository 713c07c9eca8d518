"""Vroeghulp: vroegsignalering, schuldhulp en regels als code voor gemeenten."""

__version__ = "0.1.0"
