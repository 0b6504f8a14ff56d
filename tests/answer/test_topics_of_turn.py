"""A previous turn may be an Answer (an English tail is answered with the head's answer as its previous turn)."""
from types import SimpleNamespace

from assistant.answer.handlers.knowledge import KnowledgeHandler


def test_a_previous_turn_without_a_calculator_is_read():
    ctx = SimpleNamespace(services=SimpleNamespace(bank=_EmptyBank()))
    turn = SimpleNamespace(topic="presale", knowledge_point=None)   # no .calculator, as an Answer has none
    assert KnowledgeHandler._topics_of_turn(ctx, turn) == {"presale"}


class _EmptyBank:
    points = ()

    def __contains__(self, key):
        return False
