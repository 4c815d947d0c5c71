from analysis.text.segment import paragraphs, sentences


def texts(text):
    return [text[s.start:s.end] for s in sentences(text)]


def test_news_abbreviations_do_not_end_sentences():
    text = ("Two U.S. B-52 bombers flew with Gen. Terrence O’Shaughnessy and Capt. Jeff Davis on Jan. 5 near the U.S. "
            "territory of Guam. The flight lasted 10 hours. Maj. Ryan Simpson, of the U.S. Air Force, said it was routine.")
    assert texts(text) == [
        "Two U.S. B-52 bombers flew with Gen. Terrence O’Shaughnessy and Capt. Jeff Davis on Jan. 5 near the U.S. territory of Guam.",
        "The flight lasted 10 hours.",
        "Maj. Ryan Simpson, of the U.S. Air Force, said it was routine."]


def test_no_ends_a_sentence_unless_a_number_follows():
    assert texts("Asked if he was bullied, he said no. But he said it happens. He was seeded No. 1 in the draw.") == [
        "Asked if he was bullied, he said no.", "But he said it happens.", "He was seeded No. 1 in the draw."]


def test_abbreviation_at_sentence_end_splits_before_a_new_sentence_or_quote():
    assert texts("The bombers returned to the U.S. The next flight is in May.") == [
        "The bombers returned to the U.S.", "The next flight is in May."]
    assert texts('He flew to the U.K. “It was routine,” he said.') == ['He flew to the U.K.', '“It was routine,” he said.']


def test_a_sentence_glued_to_the_next_by_a_lost_space_is_split_but_abbreviations_and_addresses_are_not():
    assert texts("“North Korea is a threat,” Trump said.Trump claimed he knew it. Then he left!Nobody asked why.") == [
        "“North Korea is a threat,” Trump said.", "Trump claimed he knew it.", "Then he left!", "Nobody asked why."]
    for whole in ("The U.S.Army base in St.Louis posted it on example.com today.",
                  "She uses Node.js and ASP.NET at work.", "The iPhone.Pro line is new."):
        assert texts(whole) == [whole]


def test_quotations_keep_their_punctuation_and_speech_tags():
    text = '“No, we have not given up hope. I call it the peaceful pressure campaign,” Tillerson said. “This is a campaign.”'
    assert texts(text) == ["“No, we have not given up hope.", "I call it the peaceful pressure campaign,” Tillerson said.",
                           "“This is a campaign.”"]
    assert texts('“Is it over?” he asked. Nobody knew.') == ['“Is it over?” he asked.', "Nobody knew."]


def test_sentences_never_cross_paragraphs():
    text = "First paragraph without a full stop\n\nSecond paragraph. Third sentence."
    assert [p.paragraph for p in paragraphs(text)] == [0, 1]
    assert [(text[s.start:s.end], s.paragraph) for s in sentences(text)] == [
        ("First paragraph without a full stop", 0), ("Second paragraph.", 1), ("Third sentence.", 1)]


def test_one_line_cuts_a_long_title_at_a_word():
    from analysis.text.segment import one_line
    assert one_line("Short headline") == "Short headline"
    long = "Bombers fly over the peninsula " * 5
    cut = one_line(long)
    assert len(cut) <= 90 and cut.endswith("…") and long.startswith(cut[:-1]) and not cut[:-1].endswith(" ")
    assert long[len(cut) - 1] == " "  # the cut falls between words
