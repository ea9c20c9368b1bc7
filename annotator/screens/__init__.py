"""Screens of the annotator: the list of articles and one article under review."""
