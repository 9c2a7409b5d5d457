"""Machinery more than one component uses: the temporal tagger (``temporal/``) and number
words (``number_words``). Components import from here, never from each other, and nothing
here imports a component."""
