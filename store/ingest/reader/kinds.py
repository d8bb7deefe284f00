"""The four kinds of content the reader tells apart, as the reader names them."""

__all__ = ["ACHIEVEMENT", "DIFFICULTY", "DIRECTIVE", "REQUEST"]

ACHIEVEMENT, DIFFICULTY, REQUEST, DIRECTIVE = "achievement", "difficulty", "request", "directive"
