"""Text: reading input safely, cleaning, paragraphs and sentences, quotations."""
