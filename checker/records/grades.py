"""Secrecy grades as clerks mark them: the spellings read (绝密★长期, 機密, 绝 密, 机密级) and the
labels that withhold a title. Shared by the secret-item register and the archive's register, and
free of record kinds, so importing it registers none."""

from __future__ import annotations

import re
import unicodedata

GRADE_NAMES = ("绝密", "机密", "秘密")  # gravest first

_TRADITIONAL = str.maketrans({"絕": "绝", "絶": "绝", "機": "机", "級": "级"})
# A GB/T 9704 marking: the grade, 级 perhaps, then ★ and the period (长期, 10年), perhaps bracketed.
_MARKING = re.compile(r"(绝密|机密|秘密)级?(?:\(?[★☆*].*?\)?)?")


def _folded(label: str) -> str:
    """A label as compared: full-width forms and traditional characters folded, and spaces,
    invisible marks and control characters (all of Unicode's Z and C classes) dropped."""
    text = unicodedata.normalize("NFKC", label).translate(_TRADITIONAL)
    return "".join(c for c in text if unicodedata.category(c)[0] not in "ZC")


def marked_grade(label: str | None) -> str | None:
    """The grade a marking reads as: 绝密, 绝密级, 絕密, 绝 密, 绝密★长期, 绝密★10年 are 绝密.

    The period after ★ is the marking's, not read: the record's 保密期限至 is the period the
    rules use. Any other label (内部, 非绝密) is no grade.
    """
    if label is None:
        return None
    match = _MARKING.fullmatch(_folded(label))
    return match[1] if match else None


def withheld_grade_named(label: str | None) -> str | None:
    """The gravest of 绝密 and 机密 a label names in any spelling, even in one that is no grade
    (ＴＯＰ绝密, 机密？): when in doubt, the title is withheld."""
    if label is None:
        return None
    letters = "".join(c for c in _folded(label) if unicodedata.category(c)[0] in "LN")
    return next((g for g in GRADE_NAMES[:2] if g in letters), None)
