"""Ships the site-wide templates (the top-level ``templates/`` folder) inside the built package.

Everything else about the build is in pyproject.toml. ``templates/`` sits beside the apps, not in a
package, so setuptools would leave it out of a built copy (``pip install .``, a wheel); this copies
it to ``kreativ/site_templates/`` in the build, where ``kreativ.settings`` looks for it when the
repository's ``templates/`` is not there. MANIFEST.in puts it in a source distribution.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).resolve().parent / "templates"


class BuildPyWithSiteTemplates(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads the repository's templates/
            self.copy_tree(str(TEMPLATES), str(Path(self.build_lib) / "kreativ" / "site_templates"))


setup(cmdclass={"build_py": BuildPyWithSiteTemplates})
