"""Imported once by the fork server that starts analysis jobs: every job then starts with the lexicon of the
server's settings and the readability and tone word lists already loaded."""
from analysis.detect.lexicon import lexicon_for
from analysis.pipeline import warm_up
from analysis.settings import from_env

warm_up(lexicon_for(from_env()))
