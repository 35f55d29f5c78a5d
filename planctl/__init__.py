"""planctl: government work plans as code — validate, format, render, diff and import."""

__version__ = "0.1.0"
