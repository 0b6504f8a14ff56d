"""Stage 5: the answer — the asked fact first, in the question's language, standing on quoted clauses.

``ask(question, history=None, city=None) -> Answer``. See ``pipeline`` for the order of the handlers, ``followup``
for how a turn is understood with the previous one, ``reader`` for the direct line, and ``handlers/knowledge`` for
the honest per-jurisdiction coverage.
"""

from assistant.answer.models import Answer, Turn
from assistant.answer.pipeline import Assistant, ask, get_assistant
from assistant.answer.reader import best_sentence, citation, sentences

__all__ = ["Answer", "Assistant", "Turn", "ask", "best_sentence", "citation", "get_assistant", "sentences"]
