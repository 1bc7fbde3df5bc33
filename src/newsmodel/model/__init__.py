"""The typed news model: :class:`Article` and the value types it is made of.

All classes are frozen, slotted attrs classes with keyword-only constructors that validate
their input; nothing here imports a parser or a serializer.
"""

from newsmodel.model._article import Article
from newsmodel.model._entity import Entity, EntityKind
from newsmodel.model._metadata import Author, AuthorRole, Dateline, Defect, Image, Provenance
from newsmodel.model._quote import Attribution, Quote, QuoteKind
from newsmodel.model._span import Excerpt, Mention, MentionForm, Span

__all__ = [
    "Article",
    "Attribution",
    "Author",
    "AuthorRole",
    "Dateline",
    "Defect",
    "Entity",
    "EntityKind",
    "Excerpt",
    "Image",
    "Mention",
    "MentionForm",
    "Provenance",
    "Quote",
    "QuoteKind",
    "Span",
]
