"""Machinery more than one component uses: the temporal tagger (``temporal/``), number
words (``number_words``) and views of the backbone's parse built once per parse
(``parse``). Components import from here, never from each other, and nothing here imports
a component."""
