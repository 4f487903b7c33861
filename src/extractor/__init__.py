"""extractor: validated, grounded records from Vietnamese news about party and government work."""
from .pipeline import extract_article, extract_file, extract_text
from .schema import ArticleRecord

__all__ = ["ArticleRecord", "extract_article", "extract_file", "extract_text"]
