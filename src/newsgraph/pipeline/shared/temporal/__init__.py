"""Temporal expressions in text (the rules over ``resources/temporal/lexicon.json``): the
dates component resolves them, the quantities component leaves them out."""
