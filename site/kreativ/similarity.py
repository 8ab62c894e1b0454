"""How alike two names or titles are, as a reader compares them: without case or accents.

Duplicates are suggested in more than one place (two sources reporting the same funding call, two
profiles of the same studio), and both must read "Ateliér Šťastný" and "atelier stastny" as one
name. The fold and the ratio live here once, so every suggestion means the same similarity.
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

# Letters that Unicode does not decompose into a base letter and an accent.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ı": "i"})


def fold(text: str) -> str:
    """Lower case, without diacritics, spaces collapsed: ``"  Ateliér  Šťastný"`` → ``"atelier stastny"``."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().translate(_EXTRA_FOLDS))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def similarity(first: str, second: str) -> float:
    """How alike two texts are once folded, from 0 (nothing shared) to 1 (the same)."""
    return SequenceMatcher(None, fold(first), fold(second)).ratio()
