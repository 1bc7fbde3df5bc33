"""Annotation stages: sentences, entities, quotes and attribution (English first)."""
