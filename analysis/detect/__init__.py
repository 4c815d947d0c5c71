"""Detection: lexicons and their matching, attribution and speakers, every span of a text."""
