"""modelsearch's name for ``update_index``, as tools written for modelsearch (its test suite) call it.

Wagtail installs modelsearch as ``wagtail.search`` and offers the command as ``update_index`` only.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command  # noqa: F401
