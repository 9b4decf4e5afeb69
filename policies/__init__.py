"""The regulations the checker knows, one module per regulation.

A module defines REGULATION, RULES, PARAMETERS, NOT_CHECKABLE (catalogue ids with the reason no
record can show them) and DEFERRED (catalogue ids not encoded yet, with the reason). Every module
of this package is a regulation; they load in name order, which is the order of reports.
"""

import importlib
import pkgutil

POLICIES = tuple(
    importlib.import_module(f"{__name__}.{name}")
    for name in sorted(m.name for m in pkgutil.iter_modules(__path__))
    if not name.startswith("_")
)
