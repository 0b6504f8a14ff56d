"""Knowledge points (知识点): each provision of a document with a standard question, many similar
questions in users' own words, and the verbatim spans that answer it.

``load_bank()`` reads ``knowledge/*.yaml`` and checks every span against its clause.
"""

from assistant.knowledge.models import ANSWER_TYPES, NUMERIC_TYPES, KnowledgeFile, KnowledgePoint
from assistant.knowledge.bank import KnowledgeBank, load_bank

__all__ = ["ANSWER_TYPES", "NUMERIC_TYPES", "KnowledgeBank", "KnowledgeFile", "KnowledgePoint", "load_bank"]
