"""``manage.py search_vocabulary [TEXT …]``: check the search vocabulary, and show how a query is read.

For whoever edits ``site/kreativ/search/vocabulary/``: without a text, the command reads every
file and says how many concepts and terms it holds, or lists every problem and exits with status 1.
With texts, it shows how each is cut into the vocabulary's terms and the rest, which concept each
term means, and every equivalent the search then looks for.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kreativ.search import expansion, thesaurus


class Command(BaseCommand):
    help = "Checks the search vocabulary; with texts, shows how each query is expanded."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("texts", nargs="*", metavar="TEXT", help='a query as a reader types it, e.g. "vytvarne"')

    def handle(self, *args: Any, texts: list[str], **options: Any) -> None:
        try:
            vocabulary = thesaurus.load()
        except thesaurus.VocabularyError as error:
            raise CommandError(str(error)) from error
        if not texts:
            counts = ", ".join(
                f"{sum(len(concept.terms[language]) for concept in vocabulary.concepts)} in {language}"
                for language in vocabulary.languages
            )
            self.stdout.write(f"The vocabulary is usable: {len(vocabulary.concepts)} concepts; terms: {counts}.")
            return
        for text in texts:
            self.stdout.write(f"{text!r}")
            found = expansion.expand_with(vocabulary, text)
            if not found.recognised:
                self.stdout.write("  no term of the vocabulary: searched as typed")
                continue
            for part in found.parts:
                concept = part.concept
                if concept is None:
                    searched = part.searched_words(vocabulary.languages)
                    self.stdout.write(
                        f"  {part.text!r}: " + ("searched as typed" if searched else "left out (stop words)")
                    )
                    continue
                values = [f"{name} {getattr(concept, name)}" for name in thesaurus.FACETS if getattr(concept, name)]
                also = f" ({', '.join(values)})" if values else ""
                self.stdout.write(f"  {part.text!r}: [{concept.key}]{also}, in {concept.source}")
                self.stdout.write(f"    or any of: {'; '.join(concept.equivalents)}")
