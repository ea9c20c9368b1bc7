"""Widgets of the annotator: the article text, the claim list, the detail panel, the header."""
