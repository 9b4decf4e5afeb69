"""The regulations the checker knows, one module per regulation.

A module defines REGULATION, RULES, PARAMETERS, NOT_CHECKABLE (catalogue ids with the reason no
record can show them) and DEFERRED (catalogue ids not encoded yet, with the reason).
"""

from policies import member

POLICIES = (member,)
