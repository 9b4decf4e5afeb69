"""compliance: rules-as-code checker for written company regulations."""

__version__ = "0.1.0"
