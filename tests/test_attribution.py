"""Attribution cues, speakers, roles and targets on real sentences and the seed corpus."""
import shutil

import pytest

from analysis import analyze_text
from analysis.detect import speakers
from analysis.detect.lexicon import DATA_DIR, read_entries
from analysis.measure.features import count_columns
from analysis.measure.naming import targets
from tests.support import CNN_0620, CNN_0707, WSWS, spans_of


def attributions(text):
    spans = analyze_text(text, tone=False).spans
    return spans[spans["category"] == "attribution"]


def who(text):
    a = attributions(text)
    return [(r.text, r.speaker, r.affiliation, r.country, r.party) for r in a.itertuples()]


@pytest.mark.parametrize("text,expected", [
    ("“This is routine,” said Brian Baker, a political adviser to the Ricketts family.",
     [("said", "Brian Baker", "other", "", "")]),
    # the party tag gives the party and is no part of the name: the same name as without the tag
    ("Sen. Bernie Sanders (I-Vt.) has criticized the deal.",
     [("has criticized", "Bernie Sanders", "legislator", "", "Independent")]),
    ("Chinese foreign ministry spokesman Geng Shuang spoke on Friday. Geng said the flights were provocative.",
     [("said", "Geng Shuang", "government official", "China", "")]),
    ("North Korea called the drills provocative. Pyongyang has threatened to respond, KCNA said.",
     [("called", "North Korea", "government official", "North Korea", ""),
      ("has threatened", "Pyongyang", "government official", "North Korea", ""),
      ("said", "KCNA", "media", "North Korea", "")]),
    ("The company said it would appeal.", [("said", "The company", "business", "", "")]),
    ("Republicans want to repeal the law.", [("want", "Republicans", "party politician", "", "Republican")]),
    ("A professor at Boston College told reporters the flights were routine.",
     [("told", "A professor at Boston College", "expert or academic", "", "")]),
    ("Residents said they heard the bombers.", [("said", "Residents", "ordinary person", "", "")]),
    # a poll, a survey or a study after 'in' is the source of the figures; voting and taking part are not
    ("In a Gallup poll released Monday, 40 percent of voters approved of the plan.",
     [("In", "a Gallup poll", "expert or academic", "", "")]),
    ("Support fell to 38 percent in the latest CNN/ORC poll.", [("in", "the latest CNN/ORC poll", "expert or academic", "", "")]),
    ("Voters head to the polls on Tuesday.", []),
    ("She has a wide lead in the polls.", []),
    ("He took part in a study in 2019.", []),
    # 'Will' and 'May' before a verb in the past or -s form are names, not modals; a yes/no question states nothing
    ("In particular, Will wrote, Christie can challenge Clinton.", [("wrote", "Will", "other", "", "")]),
    ("Theresa May said the deal was done.", [("said", "Theresa May", "other", "", "")]),
    ("Officials will say more tomorrow.", []),
    ("Will Bernie Sanders endorse Clinton?", []),
    ("Did Trump say that?", []),
    ("Is it true, as Trump says, that the wall works?", [("says", "Trump", "other", "", "")]),
    # coordinated speakers: both people speak, and a joint statement belongs to every side named
    ("Sen. Ted Cruz and Sen. Marco Rubio said the deal was a mistake.",
     [("said", "Ted Cruz and Marco Rubio", "legislator", "", "")]),
    ("Sen. Ted Cruz (R-Texas) and Sen. Tim Kaine (D-Va.) said the deal was a mistake.",
     [("said", "Ted Cruz and Tim Kaine", "legislator", "", "Democratic & Republican")]),
    # an aside of means between subject and verb; a reporting verb after an opening connective and a comma
    ("Okafor, through a spokeswoman, declined to say more.", [("declined", "Okafor", "other", "", "")]),
    ("But, said Solovey, “I don't want to drum up conflict.”", [("said", "Solovey", "other", "", "")]),
    # the state after a town belongs to the introductory phrase, and an inverted speaker may open with 'former'
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him a total stiff.",
     [("calling", "Trump", "other", "", "")]),
    ("At a town meeting in Dover, Delaware, on Sunday, Mrs. Ruiz spoke again, saying that the plan would work.",
     [("saying", "Mrs. Ruiz", "other", "", "")]),
    ("The group is $9 million short, said former Pennsylvania governor Ed Rendell.",
     [("said", "Ed Rendell", "government official", "", "")]),
    # offices of several words before a name are no part of it, however long the name
    ("Secretary of the Interior Ryan Zinke echoed the comment.", [("echoed", "Ryan Zinke", "government official", "", "")]),
    ("National Security Adviser Susan Rice warned that the speech would hurt.",
     [("warned", "Susan Rice", "government official", "", "")]),
    ("Attorney General Richard Blumenthal of Connecticut spoke of his service.",
     [("spoke of", "Richard Blumenthal", "government official", "", "")]),
    # seen on BASIL in the dashboard: dates, adverbs, examples and time phrases are no speakers
    ("The New Haven Register on July 20, 2006, described him as a veteran.",
     [("described", "New Haven Register", "other", "", "")]),
    ("The tweets shocked officials at the Pentagon, who as recently as Thursday afternoon were insisting he would stay.",
     [("were insisting", "officials at the Pentagon", "government official", "United States", "")]),
    ("It does not appear that Mr. Okafor ever sought to correct the errors.",
     [("sought", "Mr. Okafor", "other", "", "")]),
    ("Photos were shared, including one photo that showed Donald Trump Jr. with a tail.",
     [("showed", "one photo", "other", "", "")]),
    ("Several Republican leaders, including Sens. John McCain (Ariz.) and Pat Toomey (Pa.), have denounced it.",
     [("have denounced", "Several Republican leaders", "party politician", "", "Republican")]),
    ("A day after the suspension, the Safari Club sent out a call to arms, encouraging hunters to call.",
     [("encouraging", "the Safari Club", "other", "", "")]),
    ("A day after the suspension, the Safari Club sent out a “call to arms,” encouraging hunters to call.",
     [("encouraging", "the Safari Club", "other", "", "")]),
    ("The comment comes after it was first announced that the ban would end.",
     [("was first announced", "(unnamed)", "anonymous", "", "")]),
    ("Responding to Gorsuch’s stated belief that judges are neutral, Sen. Al Franken (D-Minn.) explained it.",
     [("explained", "Al Franken", "legislator", "", "Democratic")]),
    # an -ed word after an article, a possessive or 'in one' modifies a noun: no verb of saying
    ("In one emailed statement, Governor Tom Hale stated that the vote was rigged.",
     [("stated", "Tom Hale", "government official", "", "")]),
    ("The mayor repeated her written statement: the bridge stays closed.",
     [("repeated", "The mayor", "government official", "", "")]),
    # ... also after an ordinal or degree word after one ('her first detailed remarks', 'no reported case')
    ("In her first detailed remarks on the budget, Governor Ann Ruiz said cuts were needed.",
     [("said", "Ann Ruiz", "government official", "", "")]),
    ("With no detailed plan in sight, the city council waited.", []),
    ("Less than a third agreed with the mayor.", [("agreed", "a third", "other", "", "")]),
    # a phrase that opens with a preposition is an adverbial, no speaker ('Amid calls for ...'); a surname that is
    # also a preposition stays a name
    ("Amid calls for him to resign, the mayor stayed.", [("calls for", "(unnamed)", "anonymous", "", "")]),
    ("Among the farmers who backed the plan, most stayed home.",
     [("backed", "the farmers", "ordinary person", "", "")]),
    ("The economist Al From spoke first. From agreed that wages lag.",
     [("agreed", "Al From", "expert or academic", "", "")]),
    # the writer's own formulas report no one's words; an agentless passive stays an unnamed source
    ("It should be noted that the plan failed. It is worth noting that costs rose.", []),
    ("That said, Cruz cannot win. That being said, the plan holds. Having said that, he left. With that said, we go.",
     []),  # concessive connectives built on 'said'
    ("It was announced that the plant would close.", [("was announced", "(unnamed)", "anonymous", "", "")]),
    # a title right after a body's name is that body's: its officials speak for it
    ("Three senior campaign officials said the rally was moved.",
     [("said", "Three senior campaign officials", "party politician", "", "")]),
    ("Company officials said sales fell.", [("said", "Company officials", "business", "", "")]),
    # an officer with no service named is most often police; a service or rank makes it military
    ("The officer said the crowd was calm.", [("said", "The officer", "government official", "", "")]),
    ("An Army officer said the crowd was calm.", [("said", "An Army officer", "military", "", "")]),
    # 'Like many X, NAME' is a comparison, not an appositive describing the person
    ("Like many conservative Republicans, Tom Reed is against the bill. Mr. Reed told reporters so.",
     [("told", "Tom Reed", "other", "", "")]),
    # a speaker phrase after the cue ends before an adjunct of the medium or a subordinator
    ("“We need it,” said Rep. Mia Torres in an interview on a local radio show.",
     [("said", "Mia Torres", "legislator", "", "")]),
    ("The governor has been criticized by some farm groups ever since he vetoed the water bill.",
     [("has been criticized", "some farm groups", "advocacy group", "", "")]),
    # a phrase cut before its head ('the colorful and') names no one: unnamed, never 'and' or 'a'
    ("Earlier, the outspoken and sometimes combative councilwoman from Ward 3 was blunt, refusing to answer.",
     [("refusing", "(unnamed)", "anonymous", "", "")]),
    # 'according to' right after a verb means 'in accordance with': no source
    ("Pensions are computed according to a worker’s final salary, the board said.",
     [("said", "the board", "other", "", "")]),
    ("The mayor was paid $90,000 according to city filings.", [("according to", "city filings", "other", "", "")]),
    # 'or' before a verb of saying starts a second verb of the same subject, like 'and'
    ("The council met the builders or wrote to them every week.",
     [("wrote", "The council", "other", "", "")]),
    # the head of a body named before the title has the body's role, not a head of state's
    ("Safari Club president Paul Babaz said the ban was wrong.", [("said", "Paul Babaz", "other", "", "")]),
    ("Harvard University president Drew Faust said it.", [("said", "Drew Faust", "expert or academic", "", "")]),
    ("Paul Babaz, the organization's president, said the ban was wrong.",
     [("said", "Paul Babaz", "advocacy group", "", "")]),  # 'organization' in the possessive names the body
    ("Moon Jae-in, the country's president, said the talks went well.",
     [("said", "Moon Jae-in", "government official", "", "")]),
    ("Ms. Smith, the company's chief executive, said sales fell.", [("said", "Ms. Smith", "business", "", "")]),
    ("French President Emmanuel Macron said it.", [("said", "Emmanuel Macron", "government official", "France", "")]),
    ("Wayne Pacelle, CEO of the Humane Society, said the ban was right.",
     [("said", "Wayne Pacelle", "advocacy group", "", "")]),
    ("The US Fish and Wildlife Service said the permits were valid.",
     [("said", "The US Fish and Wildlife Service", "government official", "United States", "")]),
    # 'general' inside a longer title is no military rank
    ("Jay DiPietro, the club's president and general manager, suggested that the troubles were real.",
     [("suggested", "Jay DiPietro", "business", "", "")]),
    ("The U.N. secretary-general said the talks failed.",
     [("said", "The U.N. secretary-general", "government official", "", "")]),
    # the plural of a role word has its role ('senators', 'congressmen', 'press secretaries')
    ("A group of 20 senators said the plan was flawed.", [("said", "A group of 20 senators", "legislator", "", "")]),
    ("Two congressmen told reporters the plan was flawed.", [("told", "Two congressmen", "legislator", "", "")]),
    ("Three former press secretaries wrote that the plan was flawed.",
     [("wrote", "Three former press secretaries", "government official", "", "")]),
    ("Rep. Vern Buchanan, R-Fla., and Rep. Earl Blumenauer, D-Ore., assailed the decision.",
     [("assailed", "Vern Buchanan and Earl Blumenauer", "legislator", "", "Democratic & Republican")]),
    ("Rep. Vern Buchanan, R-Fla., who met Rep. Earl Blumenauer, D-Ore., assailed the decision.",
     [("assailed", "Vern Buchanan", "legislator", "", "Republican")]),
    ("The US ambassador to China said the talks went well.",
     [("said", "The US ambassador to China", "government official", "United States", "")]),
])
def test_speakers_are_names_or_descriptions_with_a_general_role(text, expected):
    assert who(text) == expected


def test_more_cues_from_the_attribution_guidelines():
    cues = lambda t: list(attributions(t)["text"])  # noqa: E731
    assert cues("The mayor told CNN the road was closed.") == ["told"]
    assert cues("In a statement, the ministry regretted the delay.") == ["In a statement"]
    assert cues("The flight was routine, according to the Pentagon.") == ["according to"]
    assert cues("The senator argued that the bill was flawed.") == ["argued"]
    assert cues("The president tweeted that the talks had failed.") == ["tweeted"]
    assert cues("Her advice: “Don’t panic.”") == [":"]
    assert cues("Gingrich: Trump must decide soon") == [":"]
    assert cues("Officials believe the launch failed.") == ["believe"]
    assert cues("The minister plans to visit Seoul.") == ["plans"]
    assert cues("Trump said he wants to meet Kim.") == ["said"]  # the outer attribution holds the inner one
    assert cues("He is committed to defending the treaty.") == []  # an infinitive is nobody's statement
    assert cues("The bombers flew over the peninsula on Tuesday.") == []


def test_never_a_determiner_as_speaker(analyses):
    for aa in analyses.values():
        att = aa.body.spans[aa.body.spans["category"] == "attribution"]
        assert not set(att["speaker"].str.lower()) & {"the", "a", "an", "his", "her", "their"}
    assert set(attributions("The group said it would sue. The official told reporters.")["speaker"]) == {
        "The group", "The official"}


def test_passive_cue_has_no_named_source():
    a = attributions("The launch is expected to take place in May.")
    assert list(a["text"]) == ["is expected"] and list(a["speaker"]) == ["(unnamed)"]  # with its auxiliary
    assert list(a["affiliation"]) == ["anonymous"] and a["anonymous"].all()


def test_pronouns_and_surnames_resolve_to_the_right_person():
    text = ("Gov. Terry E. Branstad of Iowa, a Republican, said he would not endorse anyone. "
            "Sen. Ted Cruz arrived later. “I am tired,” Branstad said. He added that the race was long.")
    rows = who(text)
    assert rows[0][1:] == ("Gov. Terry E. Branstad", "government official", "", "Republican")
    assert rows[1][1] == "Gov. Terry E. Branstad"  # the surname, not the last-named Cruz
    assert rows[2][1] == "Gov. Terry E. Branstad"  # 'he' is the speaker of the quotation before
    a = attributions("“We are ready,” Gen. Terrence O’Shaughnessy, Pacific Air Forces commander, said. "
                     "“Let me be clear,” the general said.")
    assert a["speaker"].str.contains("O’Shaughnessy").all() and set(a["country"]) == {"United States"}


def test_nothing_date_dependent_a_name_gets_its_role_from_the_text():
    # no list of office holders: 'Trump' is whatever the article says he is
    assert who("Trump said the talks failed.") == [("said", "Trump", "other", "", "")]
    assert who("Businessman Donald Trump said the deal was bad.")[0][2] == "business"
    assert who("President Donald Trump said the deal was bad.")[0][2] == "government official"


def test_targets_do_not_reverse_who_attacks_whom():
    a = analyze_text("Mr. Trump accused Mr. Strzok of being a “disgrace” on Twitter.", tone=False)
    t = targets(a.text, a.spans, a.sentences).set_index("term")
    assert t.loc["disgrace", "speaker"] == "Mr. Trump" and t.loc["disgrace", "target"] == "Strzok"
    # a person the text names in full is a target by the name alone too ('called Trump a “demagogue”', 'at Trump,
    # whom he called'); a capitalised word that names no one in the text is not
    text = ("Former mayor Michael Bloomberg spoke after Donald Trump. Bloomberg threw several jabs at Trump, whom he "
            "called a “dangerous demagogue.” Later Bloomberg called Trump a “disgrace.” Critics called Tuesday a “disaster.”")
    a = analyze_text(text, tone=False)
    t = targets(a.text, a.spans, a.sentences)
    assert list(zip(t["term"], t["speaker"], t["target"])) == [
        ("dangerous", "Michael Bloomberg", "Trump"), ("demagogue", "Michael Bloomberg", "Trump"),
        ("disgrace", "Michael Bloomberg", "Trump"), ("disaster", "Critics", "")]


@pytest.mark.parametrize("text, target, named_as", [
    ("Democrats attacked Judge Neil M. Gorsuch as an extremist.", "Gorsuch", "Judge Neil M. Gorsuch"),  # not 'Neil'
    ("The Bureau of Indian Affairs called the plan a disgrace.", "", ""),  # a body's name, not a person 'Affairs'
    ("The Center for Biological Diversity called the plan a disgrace.", "", ""),
    ("Critics called Fox News’ Steve Doocy a disgrace.", "Doocy", "Fox News’ Steve Doocy"),
    # an ordinary word the text never uses alone is one word of a longer name, not a person's surname ('Garden')
    ("“We will confront the crisis on our border,” the senator said in the Rose Garden.", "Rose Garden", "Rose Garden"),
    ("Bob Garden spoke first. Critics then called Garden a demagogue.", "Garden", "Garden"),  # one who goes by it
])
def test_a_target_is_the_whole_name_not_a_piece_of_it(text, target, named_as):
    a = analyze_text(text, tone=False)
    t = targets(a.text, a.spans, a.sentences)
    assert list(zip(t["target"], t["target_named_as"])) == [(target, named_as)]


def test_seed_targets_and_tone_of_verbs(analyses):
    cnn = analyses[CNN_0620].body
    t = targets(cnn.text, cnn.spans, cnn.sentences)
    prov = t[t["term"] == "provocative"]
    assert set(prov["target"]) == {"United States"} or set(prov[prov["country"] == "North Korea"]["target"]) == {
        "United States"}
    cues = spans_of(analyses, WSWS, "attribution")
    assert {"doubt", "hostile", "neutral"} <= set(cues["cue_tone"])
    att = spans_of(analyses, CNN_0707, "attribution")
    assert (att["cue_start"] == att["start"]).all() and (att["cue_end"] == att["end"]).all()


def test_feature_columns_follow_the_role_file(tmp_path, monkeypatch):
    assert {f"attributed_words__{r.replace(' ', '_')}" for r in speakers.role_names()} <= set(count_columns())
    roles = tmp_path / "roles.csv"
    shutil.copy(speakers.ROLES_FILE, roles)
    with roles.open("a", encoding="utf-8") as fh:
        fh.write("clergy,#123456,Priests and imams.\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("role,colour,explanation\nmilitary,#000,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="required"):
        speakers.load_roles(bad)
    custom = speakers.load_roles(roles)
    assert "clergy" in [r.name for r in custom]
    monkeypatch.setattr(speakers, "load_roles", lambda path=roles: custom)
    assert "attributed_words__clergy" in count_columns()
    assert "voice_share__clergy" in analyze_text("Nobody spoke.", tone=False).features


def cues_and_speakers(text):
    return [(text[r.cue_start:r.cue_end], r.speaker) for r in attributions(text).itertuples()]


@pytest.mark.parametrize("text,expected", [
    # any verb before a that-clause attributes the clause; 'so that' and 'is that' do not
    ("The senator hinted that the deal would collapse.", [("hinted", "The senator")]),
    ("They left early so that the vote could go ahead.", []),
    # a second verb of the same subject is an attribution of its own, with that subject
    ("Wilson praised Rubio's record and said the senator can bring change.",
     [("praised", "Wilson"), ("said", "Wilson")]),
    ("The judge rubbed his chin, and then said something strange.", [("then said", "The judge")]),
    # a relative clause about people: the people are the source
    ("Union members, who want a better contract, will vote today.", [("want", "Union members")]),
    ("Voters who oppose the plan are in the minority.", [("oppose", "Voters")]),
    # an age in an apposition does not stand for the speaker
    ("Marvin Teske, 53, a security guard at a casino, said he would vote.", [("said", "Marvin Teske")]),
    # every inflection of a cue verb: 'insists', 'conceding', 'seem to'
    ("Officials insist the flights are routine.", [("insist", "Officials")]),
    # naming a thing is not labelling by someone; a question to 'you' is not a statement
    ("She leads a program called Sandy Hook Promise.", []),
    # what a poll, record or study shows is attributed to it; a show on TV is not
    ("Polls show working-class whites could be a boon to Trump.", [("show", "Polls")]),
    ("A recent Gallup survey found 70 percent support for the levy.", [("found", "A recent Gallup survey")]),
    ("The talk show showed little.", []),
    ("Trump called Clinton a liar.", [("called", "Trump")]),
    ("Do you think he will win?", []),
])
def test_cue_constructions(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an apposition joined by 'and' stays one apposition; the name before it is the speaker
    ("Stephen Moore, a conservative economist and former member of the Wall Street Journal editorial board, said he "
     "would vote.", [("said", "Stephen Moore")]),
    # after an inverted cue the first part names the speaker, not a name inside the description
    ("“You bet it could,” wrote Sanders, runner-up to Hillary Clinton for the nomination.", [("wrote", "Sanders")]),
    # an aside between the speaker and the cue
    ("Polk County GOP Chairman Will Rogers, for example, said the visit mattered.", [("said", "Will Rogers")]),
    # a participle's subject comes after an introductory phrase
    # (the statement he released is an act of saying of its own)
    ("Facing criticism from both parties, Mr. Trump released a statement on Saturday, describing the attack as terror.",
     [("released a statement on Saturday, describing", "Mr. Trump")]),  # one cue: the writing and its participle
    ("Essentially, Clinton's lawyers looked through the e-mails and found that one person was wrong.",
     [("found", "Clinton's lawyers")]),
    # the one who issued a statement speaks through it
    ("Senate Majority Leader Mitch McConnell (R-Ky.) issued a statement saying that the Senate should wait.",
     [("issued a statement saying", "Mitch McConnell")]),
    # an adjective from a participle stays in the noun phrase; 'long' belongs to the verb group
    ("Sixty-two percent of Democratic registered voters say they trust her.",
     [("say", "Sixty-two percent of Democratic registered voters")]),
    ("Both Blocher and the SVP have long complained that the elite does not listen.", [("have long complained", "the SVP")]),
    # a verb of saying right after a quotation introduces its speaker, whatever word follows
    ("“It is Bernie’s to lose,” added Pavone.", [("added", "Pavone")]),
    # 'the Ohio governor' is not the Florida governor named before
    ("Jeb Bush, a former Florida governor, said he would run. The Ohio governor said the border matters.",
     [("said", "Jeb Bush"), ("said", "The Ohio governor")]),
])
def test_speaker_phrases(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a finite verb right after a subject pronoun or a name is a cue whatever follows it
    ("At the rally she noted rising costs for the wall.", [("noted", "she")]),
    ("The pipeline was delayed again. Viguerie concludes the project is dead.", [("concludes", "Viguerie")]),
    # without a subject right before it, the word's own rule still decides ('the show', 'a hope')
    ("The talk show drew a large audience.", []),
])
def test_a_subject_before_makes_a_cue(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the hearer after 'told' is not the speaker, even after a quotation or a comma
    ("“We will win this state,” Maria Lopez, who runs the county party, told CNN.", [("told", "Maria Lopez")]),
    # a participle after a quotation continues its sentence's subject, it does not introduce a new speaker
    ("Rubio said the race was “wide open,” adding that Nevada would decide it.",
     [("said", "Rubio"), ("adding", "Rubio")]),
])
def test_no_speaker_after_tell_or_a_participle(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # asides between the sentence's subject and the cue: the subject that opens the sentence speaks
    ("Mark Holden, chairman of the board of Freedom Partners, the network's funding arm, said it would wait.",
     [("said", "Mark Holden")]),
    ("Cory James, 22, of Flint, Mich., said he had not given up.", [("said", "Cory James")]),
    ("Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said he had not thought about it.",
     [("said", "Rob Portman")]),
    # an introductory phrase is not the subject; the phrase right before the cue is
    ("During a town hall in Cedar Rapids, Iowa, Rubio told reporters the plan was weak.", [("told", "Rubio")]),
])
def test_subject_before_asides(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'when asked' is the question the speaker answers: its own cue, not content of 'said'
    ("“You bet I would,” Christie said when asked whether he would close the border.",
     [("said", "Christie"), ("asked", "Christie")]),
    # verbs of judging in words, of manner of speaking and of characterising (Levin 1993, 33, 37.3, 29.2)
    ("Kasich assailed the plan as reckless.", [("assailed", "Kasich")]),
    ("Protesters chanted that the mayor must go.", [("chanted", "Protesters")]),
    ("The ad portrayed the senator as out of touch.", [("portrayed", "The ad")]),
])
def test_more_cues_from_verb_classes(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text", [
    # raising and aspectual verbs: their subject is not someone who says or thinks (Quirk et al. 1985, 16.32)
    "Trump appears ready to sign the bill.",
    "He seemed tired after the flight.",
    "They continued the drills for a week.",
])
def test_a_subject_before_a_raising_verb_makes_no_cue(text):
    assert cues_and_speakers(text) == []


def test_a_participle_after_a_quotation_keeps_the_sentence_speaker():
    text = "“We are not leaving,” Lopez said, adding that the talks would go on."
    assert cues_and_speakers(text) == [("said", "Lopez"), ("adding", "Lopez")]


@pytest.mark.parametrize("text,expected", [
    # a gerund after 'by', 'after', 'before' or 'in' is said by the sentence's subject
    ("The mayor ended the meeting by saying the budget was final.", [("saying", "The mayor")]),
    ("After denying the report, the senator left the hall.", [("denying", "the senator")]),
    # after 'for' or 'of' the gerund is a thing talked about, not a statement
    ("The coach was fined for criticizing the referees.", []),
    # 'went on to say', 'was quick to point out': the subject says it
    # the catenative verb is part of the cue's verb group (PolNeAR guidelines, 'Keep the verb group together')
    ("The governor went on to describe the plan as fair.", [("went on to describe", "The governor")]),
    ("The minister was quick to point out that exports grew.", [("was quick to point out", "The minister")]),
    # even where the verb of saying on its own would not follow 'to' ('to say', 'to tell')
    ("He went on to say that the plan had failed.", [("went on to say", "He")]),
    ("The senator had tried to tell reporters the vote was rigged.", [("had tried to tell", "The senator")]),
    ("He is committed to defending the treaty.", []),
])
def test_gerunds_and_infinitives_that_are_statements(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_colon_is_a_cue_unless_it_ends_a_verbs_clause():
    assert list(attributions("The mayor said on Monday: “We will rebuild.”")["text"]) == ["said on Monday"]
    text = "The mayor toured the ruins. Her message to the town, delivered in the rain: “We will rebuild.”"
    assert ":" in list(attributions(text)["text"])


@pytest.mark.parametrize("text,expected", [
    ("The union, which opposed the bill, lost the vote.", [("opposed", "The union")]),
    ("A new poll that showed that the mayor was ahead came out on Friday.", [("showed", "A new poll")]),
    # 'that' after a verb is a conjunction, not a relative pronoun
    ("The mayor said that critics wanted a delay.", [("said", "The mayor")]),
])
def test_relative_which_and_that_take_the_noun_before_them(text, expected):
    assert cues_and_speakers(text) == expected


def test_calling_a_named_person_something_is_a_label_not_a_name():
    assert cues_and_speakers("One lawmaker called Smith “a disgrace to the office.”") == [("called", "One lawmaker")]
    assert cues_and_speakers("A charity called Safe Harbor opened a shelter.") == []


def test_a_cue_inside_a_nested_cue_is_nested_too():
    text = "The mayor noted that the council had argued that residents wanted a new park."
    assert cues_and_speakers(text) == [("noted", "The mayor")]


@pytest.mark.parametrize("text,cue", [
    ("The senator has repeatedly said the plan is flawed.", "has repeatedly said"),
    ("The governor did not say whether she would run.", "did not say"),
    ("Activists have long called for a ban on the pesticide.", "have long called for"),
    ("The two leaders talked about trade.", "talked about"),
    ("The mayor called for years for a new bridge.", "called"),  # 'for years' is a time, not the content
])
def test_the_cue_span_is_the_verb_group(text, cue):
    a = attributions(text)
    assert list(a["text"]) == [cue] and list(a["cue_start"]) == list(a["start"])


def test_nouns_ending_in_ly_stay_in_the_speakers_noun_phrase():
    assert cues_and_speakers("The family said it was relieved.") == [("said", "The family")]
    assert cues_and_speakers("A close ally of the governor said the vote was fair.") == [
        ("said", "A close ally of the governor")]


def test_a_headline_colon_names_the_person_before_it_whatever_follows():
    text = "Mayor Jane Smith: The Bridge Will Open in May\n\nThe city council met on Monday to review the plan."
    assert cues_and_speakers(text) == [(":", "Jane Smith")]


@pytest.mark.parametrize("text,expected", [
    # stance adjectives with a that- or to-clause (Biber et al. 1999)
    ("Party leaders are confident that the bill will pass.", [("are confident", "Party leaders")]),
    ("The mayor was reluctant to raise taxes.", [("was reluctant", "The mayor")]),
    ("The coach is confident in the team.", []),  # no clause: a description, not a stance on something said
    ("Several senators have been critical of the plan.", [("have been critical of", "Several senators")]),
    # verbs from Levin's classes
    ("The union would like to reopen the talks.", [("would like", "The union")]),
    ("The senator attacked Smith over the budget.", [("attacked", "The senator")]),
    ("The dog attacked a postman.", []),
    ("The board named Ms. Lee as its new chair.", [("named", "The board")]),
    ("The minister offered a brief explanation of the delay.", [("offered", "The minister")]),
    ("The bakery offered free bread.", []),
    ("Residents fear that the river will flood.", [("fear", "Residents")]),
    ("The report raised no doubt that the plant was safe.", []),
])
def test_cues_from_verb_classes_and_stance_adjectives(text, expected):
    assert cues_and_speakers(text) == expected


def test_reportedly_attributes_the_sentence_to_an_unnamed_source():
    a = attributions("The two companies have reportedly agreed on a price.")
    assert list(a["text"]) == ["reportedly"] and list(a["speaker"]) == ["(unnamed)"] and a["anonymous"].all()
    # beside a verb of saying it is part of the verb group, and the verb's subject speaks
    assert cues_and_speakers("The mayor reportedly told aides that she would resign.") == [
        ("reportedly told", "The mayor")]


@pytest.mark.parametrize("text,expected", [
    ("Some are quietly saying it is time to move on.", [("are quietly saying", "Some")]),
    ("Yet another said the race was over.", [("said", "another")]),
    ("The two admit that the gap is wide.", [("admit", "The two")]),
])
def test_a_quantifier_or_number_alone_stands_for_people(text, expected):
    assert cues_and_speakers(text) == expected


def test_when_asked_has_an_unnamed_asker():
    a = attributions("When asked about the deal, the mayor smiled.")
    assert list(a["text"]) == ["asked about"] and list(a["speaker"]) == ["(unnamed)"]


@pytest.mark.parametrize("text", [
    "Clinton: 2,316.\n\nSanders: 1,547.",  # delegate counts
    "Twitter: @cityhall.",  # a handle
    "Q: Have you talked to her?",  # a one-letter label names no one
])
def test_a_colon_before_a_number_a_handle_or_after_one_letter_is_no_cue(text):
    assert cues_and_speakers(text) == []


@pytest.mark.parametrize("text,expected", [
    # a stance adjective after 'is' is no passive: the subject holds the stance
    ("But Mr. Ackman is convinced that the firm will recover.", [("is convinced", "Mr. Ackman")]),
    # an appositive between dashes, an aside inside the verb group, a discourse adverb
    ("Jason Sims — a teacher from Dover — says he voted early.", [("says", "Jason Sims")]),
    ("U.S. officials have, in fact, praised the deal.", [("praised", "U.S. officials")]),
    ("Clinton has nevertheless called his vote a mistake.", [("has nevertheless called", "Clinton")]),
])
def test_speakers_past_asides_and_of_stance_adjectives(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the words before the cue name no one ('That', 'This'): the verb still attributes what follows, with an unnamed
    # speaker, rather than the attribution dropped
    ("That suggests a lack of confidence in the new system.", [("suggests", "(unnamed)")]),
    ("This shows how hard the race will be.", [("shows", "(unnamed)")]),
    # but after a determiner the word is a noun, and without a speaker it is no cue
    ("Other shows did a bit better on Sunday.", []),
    # a subject out of the speaker phrase's reach before a participle is the sentence's subject
    ("Earlier this week, Todd pressed the chairman on taxes, insisting that the candidate should release them.",
     [("pressed", "Todd"), ("insisting", "Todd")]),
])
def test_a_verb_of_saying_without_a_speaker_phrase_is_still_a_cue(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb with its noun of expression (PolNeAR guidelines: 'He raised the concern that ...')
    ("The mayor raised concerns that the budget was too small.", [("raised concerns", "The mayor")]),
    ("Clinton made the case that the deal would create jobs.", [("made the case", "Clinton")]),
    # phrasal verbs of saying, criticising and calling for
    ("Senator Warren lashed out at the bank on Tuesday.", [("lashed out", "Senator Warren")]),
    ("The governor laid out a plan to cut taxes.", [("laid out", "The governor")]),
    ("Cruz took aim at the Washington cartel.", [("took aim at", "Cruz")]),
    ("Unions have pushed for a higher minimum wage.", [("have pushed for", "Unions")]),
    # a say verb and a means of communication
    ("The senator voiced support for the bill.", [("voiced", "The senator")]),
    ("Trump retweeted a post calling the judge biased.", [("retweeted", "Trump")]),
    # 'voices' as a noun is no cue
    ("The choir voices carried over the hall.", []),
])
def test_phrasal_cues_and_verbs_with_a_noun_of_expression(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a suasive verb with an object and a to-infinitive is a directive: someone told someone to do something
    ("Obama ordered the Pentagon to review the policy.", [("ordered", "Obama")]),
    ("The senator encouraged voters to turn out early.", [("encouraged", "The senator")]),
    ("The court ordered pizza for the jurors.", []),  # no to-infinitive: an order of goods, not a directive
    # a reporting clause after a quotation, whatever the verb of saying
    ("“We will win,” he continued. “No doubt about it.”", [("continued", "he")]),
    ("“It is over,” Paul Ryan continued, “and we move on.”", [("continued", "Paul Ryan")]),
    ("The brawl continued into the night.", []),
    # a passive with its agent after 'first' or 'previously'
    ("The meeting was first reported by Politico.", [("was first reported", "Politico")]),
    ("The first reported case was in May.", []),
])
def test_directives_reporting_clauses_after_quotations_and_passives_with_an_agent(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a relative clause on the subject holds a cue of its own; the main clause's verb is a cue too, and its speaker
    # is the noun the clause is about
    ("Another worshiper who didn't want to be named said he heard the talk.",
     [("didn't want", "Another worshiper"), ("said", "Another worshiper")]),
    ("Officials who spoke on condition of anonymity said the talks stalled.", [("said", "Officials")]),
    # in an object relative clause the name after 'who' is the cue's subject
    ("The man who Trump said was a hero left.", [("said", "Trump")]),
    # a capitalised article or possessive makes the next word a noun, not a verb of saying
    ("The plans that countries offered in Paris would not be enough.", []),
    ("Their voices drowned out the whistles.", []),
])
def test_relative_clauses_on_the_subject_and_nouns_after_a_capitalised_determiner(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a participle after a plural noun modifies it; the main clause's verb is a cue of its own
    ("House Republicans supporting the bill have said they have the votes.",
     [("supporting", "House Republicans"), ("have said", "House Republicans supporting the bill")]),
    # 'and' with a number or a quantifier starts a new clause, not the first cue's content
    ("Many have said they will not attend and others have said they are not interested.",
     [("have said", "Many"), ("have said", "others")]),
    # a capitalised conjunction is no subject: 'protest' here is a noun
    ("But protest organizers say the rules are too strict.", [("say", "protest organizers")]),
    # a raising verb before 'to': its subject is the one who suggests it
    ("Trump seemed to suggest that the vote was rigged.", [("seemed", "Trump")]),
    # stance adjectives of certainty and expectation with a that-, whether- or about-clause
    ("Her advisers are hopeful that the polls will turn.", [("are hopeful", "Her advisers")]),
    ("The senator was not sure whether the bill would pass.", [("was not sure", "The senator")]),
])
def test_participles_coordination_raising_verbs_and_stance_adjectives(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an adverbial clause of time with its own subject holds an attribution of its own, not the first one's content
    ("Cruz said as the heckler yelled: “You suck!”", [("said", "Cruz"), ("yelled", "the heckler")]),
    ("Rubio was denouncing the regime after Trump said he is open to a deal.",
     [("was denouncing", "Rubio"), ("said", "Trump")]),
    # after 'that' the clause is part of the content
    ("She said that when Trump called, she was out.", [("said", "She")]),
])
def test_an_adverbial_clause_with_its_own_subject_is_not_nested(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb with a statement, a report or comments as its object is the act of saying (PolNeAR guidelines: 'She
    # made a statement of defiance'); a participle after it is part of the same attribution
    ("McConnell issued a statement saying the Senate would act.", [("issued a statement saying", "McConnell")]),
    ("The campaign released a statement on Friday.", [("released a statement on Friday", "The campaign")]),
    ("Trump made similar comments on Thursday.", [("made similar comments on Thursday", "Trump")]),
])
def test_a_verb_with_a_statement_or_comments_as_its_object(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "The refugees were admitted last year.",
    "The refugees weren't admitted last year.",  # a negated form of 'be' makes a passive too
])
def test_a_passive_after_a_negated_be_has_no_named_speaker(text):
    verb_group = text.split(" admitted")[0].split()[-1] + " admitted"  # 'were admitted', 'weren't admitted'
    assert cues_and_speakers(text) == [(verb_group, "(unnamed)")]


@pytest.mark.parametrize("text,expected", [
    # a participle followed by punctuation ('saying,') takes the subject of the verb before it
    ("Byrne also wrote the guards were tense, saying, “It was hard.”",
     [("also wrote", "Byrne"), ("saying", "Byrne")]),
    # a weekday after the cue is a time, not an inverted speaker
    ("Tad Devine, a top adviser to the senator, said Monday that he will arrive.", [("said Monday", "Tad Devine")]),
    ("Tad Devine, a top adviser to the senator, said Monday.", [("said Monday", "Tad Devine")]),
    # an adverb of time opening the sentence is not the speaker of a participle
    ("Later on Sunday, Carson shared a syllabus on his page, writing “Here it is.”", [("writing", "Carson")]),
    # an aside before the verb group, not only right before the verb
    ("Mr. Coleman, for example, had previously endorsed Senator Lindsey Graham.",
     [("had previously endorsed", "Mr. Coleman")]),
    # 'by' and a means of saying is no agent of a passive
    ("“We will act,” Ms. Gao said by telephone.", [("said", "Ms. Gao")]),
    ("Clinton responded by saying she had done nothing wrong.", [("responded", "Clinton")]),
    # a new subject after 'and' or after dashes starts a clause of its own, not the first cue's content
    ("He is backing the governor -- not me -- and he says he will campaign for her.",
     [("is backing", "He"), ("says", "He")]),
])
def test_speakers_past_asides_times_and_means(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the verb group keeps the adjuncts of day, medium, occasion and manner right after the verb (PolNeAR guidelines,
    # 'Keep the verb group together': 'she said with anger')
    ("The group said in a statement that it would act.", [("said in a statement", "The group")]),
    ("He said Tuesday night that he would go.", [("said Tuesday night", "He")]),
    ("“We lost,” Kunin said in an interview with USA TODAY.", [("said in an interview with USA TODAY", "Kunin")]),
    ("Palin wrote on Twitter that it was over.", [("wrote on Twitter", "Palin")]),
    ("“No,” Paradis said with a smirk.", [("said with a smirk", "Paradis")]),
    # a phrase that is no medium of saying stays out ('said in the end', 'said at the time')
    ("He said at the time that it was fine.", [("said", "He")]),
    # a passive without a speaker keeps its auxiliaries and adverbs
    ("The plan was widely criticized as sloppy.", [("was widely criticized", "(unnamed)")]),
])
def test_the_verb_group_keeps_its_adjuncts(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb of saying right after a noun for people is a finite verb whatever word follows ('claims his ...')
    ("The candidate claims his net worth is ten billion dollars.", [("claims", "The candidate")]),
    # a participle of saying after a comma opens a clause of saying of the sentence's subject
    ("“They have a plan,” he said of the group, adding the country must act.", [("said", "he"), ("adding", "he")]),
    # a noun after an article stays a noun
    ("The claims were false.", []),
])
def test_cues_after_a_noun_for_people_or_a_comma(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a dateline before the first sentence names no speaker; a day between subject and verb is no subject either
    ("Dec 29 (Reuters) - The mayor of Springfield on Tuesday said the bridge would close.",
     [("said", "The mayor of Springfield")]),
    ("LISBON (AP) — A local newspaper reported that the minister had resigned.", [("reported", "A local newspaper")]),
    # a record is the source, not the person or body named after it
    ("According to a report from the city's chief auditor, the fund lost money.",
     [("According to", "a report from the city's chief auditor")]),
    ("A 2015 study by Jane Roe of Lakeside University found that rents doubled.",
     [("found", "A 2015 study by Jane Roe of Lakeside University")]),
    ("A spokesman for Mayor Jane Roe said the bridge would close.", [("said", "Jane Roe")]),
])
def test_datelines_and_records_as_sources(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a participle clause of saying after a comma: its subject is the main clause's subject, ended before its verb
    ("The nurse later sued, claiming the quarantine violated her rights.", [("claiming", "The nurse")]),
    ("But the conservative magazine has been outspoken, arguing he is unfit.", [("arguing", "the conservative magazine")]),
    ("A few days later, Smith reversed himself, telling reporters the plan was dead.", [("telling", "Smith")]),
    # a negated auxiliary stands in the verb group, not for a passive without a source
    ("The union isn’t saying what it will do.", [("isn’t saying", "The union")]),
])
def test_subjects_of_participles_and_negated_verbs(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb after the comma that closes an appositive or relative clause on a name has that name as subject
    ("Mr. Jones, a career politician who is running as a new leader, hopes Iowa will prove him right.",
     [("hopes", "Mr. Jones")]),
    ("Smith, who has seen his lead evaporate, challenged Brown to a debate.", [("challenged", "Smith")]),
    # raising verbs have no one who sees or says; a comma after an introductory phrase closes no appositive
    ("Britain and France, both nuclear powers, keep their own budgets.", []),
    ("In the end, hopes faded.", []),
])
def test_verbs_after_an_appositive(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a short prepositional aside between the subject and the verb ('in Kentucky', 'for his part', 'as mayor')
    ("Jones, in Kentucky, said the senator was weak.", [("said", "Jones")]),
    ("Mike Walsh, for his part, is labeling the plan a disaster.", [("is labeling", "Mike Walsh")]),
    ("Smith, as secretary of state, said the plan failed.", [("said", "Smith")]),
    # the person named before 'of', not the outlet after it; a party adjective is no part of a person's name
    ("As Joel Penn of Lakeside Radio observed, the race was over.", [("observed", "Joel Penn")]),
    ("Six in 10 Virginia Democratic primary voters said the governor is honest.",
     [("said", "Six in 10 Virginia Democratic primary voters")]),
    ("The veterans' group has twice complained to the campaign.", [("has twice complained", "The veterans' group")]),
])
def test_asides_and_names_before_of(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a participle of saying after a writing its subject put out is one cue with the verb and the writing
    ("The mayor issued a statement Tuesday saying the bridge would close.",
     [("issued a statement Tuesday saying", "The mayor")]),
    ("The senator released a statement Thursday morning, saying she was saddened.",
     [("released a statement Thursday morning, saying", "The senator")]),
    ("The group sent a letter this week urging Congress to act.", [("sent a letter this week urging", "The group")]),
    # a participle after any other object stays a cue of its own
    ("The mayor bought a car, saying it was cheap.", [("saying", "The mayor")]),
])
def test_a_writing_and_its_participle_are_one_cue(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_colon_after_a_dash_introduces_a_new_speaker():
    # 'X agree - Name: “...”': the dash ends the verb's clause, so the colon and the name after it are a cue of their own
    text = "Pollsters agree - Jane Roe: “Keep on contacting voters as late as possible.”"
    assert cues_and_speakers(text) == [("agree", "Pollsters"), (":", "Jane Roe")]


@pytest.mark.parametrize("text,expected", [
    # examples after 'including' are an aside: the head before them is the subject
    ("Democrats -- including the governor -- quickly accused the mayor of lying.", [("quickly accused", "Democrats")]),
    # a place after 'in' is no person's name
    ("Six newspapers in New Jersey, including the Lakeside Press, said he is unfit.",
     [("said", "Six newspapers in New Jersey")]),
])
def test_including_asides_and_places(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # after a comma, a verb followed by a name, a person or a body is a reporting clause with its speaker after it;
    # followed by a thing it is the verb of the subject before the comma
    ("The plan will fail, said the spokesman.", [("said", "the spokesman")]),
    ("Several leading candidates, including two senators, criticized the trade.",
     [("criticized", "Several leading candidates")]),
])
def test_inverted_speaker_only_when_someone_follows(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_name_inside_the_quotation_is_not_who_he_is():
    text = ('Sen. Jim DeMint spoke on Monday. "We are at war," DeMint said. '
            '"Chairman Steele needs to apologize to our military," he said.')
    spans = analyze_text(text, tone=False).spans
    att = spans[spans["category"] == "attribution"]
    assert list(att["speaker"]) == ["Jim DeMint", "Jim DeMint"]


@pytest.mark.parametrize("text,speaker", [
    ("And Barry Broome said the deal was done.", "Barry Broome"),
    ("Yet Pelosi said the vote would go ahead.", "Pelosi"),
    ("Mr. Trump spoke in Ohio. Mr. Trump’s tweets were not the first time he has accused the press.", "Mr. Trump"),
])
def test_a_speaker_is_no_opening_connective_and_no_possessive(text, speaker):
    att = analyze_text(text, tone=False).spans.query("category == 'attribution'")
    assert list(att["speaker"]) == [speaker]
@pytest.mark.parametrize("text,expected", [
    # a non-restrictive relative clause with commas of its own stands between the speaker and the cue
    ("Jane Roe, who ran the clinic in Dover, Delaware, for ten years, said the rules were too strict.",
     [("said", "Jane Roe")]),
    ("Mr. Fenwick, whose new company, Lumen, sells lamps, said the tariffs would hurt.", [("said", "Mr. Fenwick")]),
    # a party tag before the relative clause is no part of the speaker's head
    ("Sen. Ann Kerr (D-Ore.), who chairs the committee, said the vote was close.", [("said", "Ann Kerr")]),
    # a time phrase between the subject and the verb belongs to neither
    ("The mayor last week said the bridge would close.", [("said", "The mayor")]),
])
def test_asides_and_times_between_speaker_and_cue(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a reporting clause after a quotation closed with two apostrophes, as older newswire writes them
    ("''We will win the state,'' she continued, ''and then the nation.''", [("continued", "she")]),
    ("''We will win the state,'' Mr. Gray continued.", [("continued", "Mr. Gray")]),
    # a writing quoted: 'it' or a definite noun phrase as the subject of the reporting clause
    ("“The fee will rise in May,” the notice read.", [("read", "the notice")]),
    ("“The fee will rise in May,” it read.", [("read", "it")]),
])
def test_reporting_clauses_after_quotations(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a participle clause that opens the sentence: its subject is the main clause's subject after the comma
    ("Noting that the vote was close, the mayor said she would wait.", [("Noting", "the mayor"), ("said", "the mayor")]),
    # a gerund after 'since', 'while' or 'upon' that opens the sentence likewise
    ("Since announcing his retirement in May, Mr. Holm has stayed out of view.", [("announcing", "Mr. Holm")]),
])
def test_opening_participle_clauses_take_the_main_subject(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a second verb of the main clause's subject after 'and': the subject, past a coordinator that opens the sentence
    ("But the county board met briefly and said the budget was final.", [("said", "the county board")]),
    # a passive cue before it names no one, so it lends no speaker: the main clause's subject does
    ("Asked about the delay, the mayor shook her head and said it was over.",
     [("Asked about", "(unnamed)"), ("said", "the mayor")]),
])
def test_coordinated_verbs_take_the_main_subject(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # two capitalised words after a capitalised word and 'of' or 'for' end an institution's name, not a person's
    ("Spending rose by a third, according to the Institute for Fiscal Studies.",
     [("according to", "the Institute for Fiscal Studies")]),
    ("The Bureau of Farm Statistics reported a drop in yields.", [("reported", "The Bureau of Farm Statistics")]),
    # a name after a title's 'of' stays a name
    ("Secretary of State John Kerry said the talks would resume.", [("said", "John Kerry")]),
])
def test_institution_names_are_not_person_names(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a person and an appositive before the comma are the subject: the name after the verb is its object
    ("Carla Ruiz, the chair of the panel, endorsed Governor Tom Hale in May.", [("endorsed", "Carla Ruiz")]),
    ("Howard, a cousin of the actor, endorsed Senator Ann Kerr in May.", [("endorsed", "Howard")]),
    # the name in an appositive after a description: 'the staff member' after the verb is no inverted speaker
    ("Her former campaign manager, Jo Ames, said the staff member who replaced him was slow.",
     [("said", "Jo Ames")]),
    # after a reported clause or fragment the reporting clause still inverts
    ("Higher taxes, more debt, said Brian Baker.", [("said", "Brian Baker")]),
])
def test_no_inverted_speaker_after_a_subject_and_its_appositive(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a medial adverb between the subject and the verb: still a finite verb with its subject
    ("The Ledger first reported the closure.", [("first reported", "The Ledger")]),
    ("She quickly noted the cost of the wall.", [("quickly noted", "She")]),
    # without a subject before the adverb the word's own rule decides: an adjective here
    ("The first reported case came in May.", []),
    # a raising verb after the adverb is no cue
    ("Mr. Holm previously appeared with the governor.", []),
])
def test_a_subject_and_a_medial_adverb_make_a_cue(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb of saying after a subject and a perfect auxiliary (with or without an adverb) is a finite verb group
    ("Ms. Ruiz has noted for weeks the cost of the plan.", [("has noted", "Ms. Ruiz")]),
    ("He has openly challenged the cost of the bridge.", [("has openly challenged", "He")]),
])
def test_a_subject_and_a_perfect_auxiliary_make_a_cue(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_colon_before_a_quotation_in_the_next_paragraph():
    # the colon introduces the quotation even when the quotation opens the next paragraph
    text = "Her advice to voters:\n\n“Don't panic.”"
    assert cues_and_speakers(text) == [(":", "Her advice to voters")]
    assert cues_and_speakers("Her advice to voters.\n\n“Don't panic.”") == []


@pytest.mark.parametrize("text,expected", [
    # 'of' or 'from' and a place or employer after a name and a comma: where the person is from, not the speaker
    ("“The rate will fall,” Mr. Dunne, of Harbor Trust Bank, said.", [("said", "Mr. Dunne")]),
    ("Ana Ortiz, 41, of Dover, said she would vote.", [("said", "Ana Ortiz")]),
])
def test_a_hometown_or_employer_after_a_name(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_subject_before_asides_after_an_opening_coordinator():
    # 'But' before the subject does not hide it: the asides after the name are skipped as without it
    text = "But Ray Dunne, chairman of Harbor Trust, the bank's holding company, said the rate would fall."
    assert cues_and_speakers(text) == [("said", "Ray Dunne")]


def test_a_long_aside_between_dashes():
    # an aside of over a hundred characters between dashes still stands between the speaker and the cue
    text = ("On Friday, Ms. Ruiz — named by the county paper as the likeliest choice for the board's open seat after "
            "the spring vote — told reporters that she would run.")
    assert ("told", "Ms. Ruiz") in cues_and_speakers(text)


@pytest.mark.parametrize("text,expected", [
    # a reporting verb opening the sentence, its subject after it and then a comma or colon
    ("Said Ms. Ruiz, “We will rebuild the bridge.”", [("Said", "Ms. Ruiz")]),
    ("Wrote the county clerk: “The records are lost.”", [("Wrote", "the county clerk")]),
])
def test_a_reporting_verb_opening_the_sentence(text, expected):
    assert cues_and_speakers(text) == expected


def test_no_inverted_subject_without_a_comma_or_colon():
    # 'Reported cases rose': no comma or colon after the words that follow, so they are no speaker
    assert all("cases" not in speaker for _, speaker in cues_and_speakers("Reported cases rose in May."))


def voice_of(text, word):
    spans = analyze_text(text, tone=False).spans
    row = spans[spans["text"] == word].iloc[0]
    return row.voice, row.speaker


@pytest.mark.parametrize("text", [
    "The governor seems likely to sign the bill.",
    "It seems that the governor will likely sign the bill.",
    "The deal appears certain, and the governor will likely sign it.",
])
def test_the_subject_of_seem_is_not_whose_impression_it_is(text):
    # a raising verb of impression: its subject (or an anticipatory 'it') is not the one who thinks it
    assert all(speaker == "(unnamed)" for cue, speaker in cues_and_speakers(text) if cue in ("seems", "appears"))
    assert voice_of(text, "likely")[1] != "The governor"


def test_seem_to_with_a_verb_keeps_its_subject():
    # before 'to' + a verb the subject of 'seem' is the subject of the infinitive: she suggests it
    assert cues_and_speakers("Ms. Ruiz seemed to suggest the vote would fail.")[0][1] == "Ms. Ruiz"


@pytest.mark.parametrize("text,expected", [
    # the object of a preposition is no speaker: the participle's subject is the main clause's subject
    ("The party chairman was caught on camera saying that the war was lost.", [("saying", "The party chairman")]),
    # a verb and its object before a participle: the subject of the main clause speaks
    ("And Ms. Ruiz could not resist suggesting that the council was to blame.", [("suggesting", "Ms. Ruiz")]),
    ("He sent an e-mail to the members saying he hoped it would end the dispute.", [("saying", "He")]),
    # a finite verb after an aside: the subject before the aside
    ("Another man, not seen on camera, then tells Mr. Ruiz he is wrong.", [("then tells", "Another man")]),
    # the subject of an absolute clause after 'with' does speak
    ("Democrats went further, with former Gov. Martin Dale calling the plan a fraud.", [("calling", "Martin Dale")]),
])
def test_a_speaker_is_a_noun_phrase_naming_someone(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a colon after an adjective: the clause's subject, not the adjective
    ("The message was clear: “The plan must go.”", [(":", "The message")]),
    # a colon after a whole clause: its subject, not the clause
    ("The mayor spoke to the council: “The plan must go.”", [(":", "The mayor")]),
    ("His advice to voters: “Don't panic.”", [(":", "His advice to voters")]),
])
def test_the_speaker_of_a_colon_is_the_subject_of_its_clause(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Maria Lopez said the budget was fine, but she conveniently ignored the waste.",
    "Maria Lopez said the budget was fine, and Mr. Dale conveniently ignored the waste.",
    "Maria Lopez said the budget was fine, and the Senate conveniently ignored the waste.",
])
def test_a_coordinated_clause_with_its_own_subject_is_the_writers(text):
    # ', but she ...' is coordinated with the reporting clause: the loaded word in it is the writer's
    assert voice_of(text, "conveniently") == ("author", "")


def test_a_reported_clause_goes_on_after_that_again():
    text = "Maria Lopez said that the budget was fine and that the waste was conveniently small."
    assert voice_of(text, "conveniently") == ("attributed", "Maria Lopez")


def test_a_subject_before_an_aside_and_the_verbs_auxiliary():
    # the aside ends in a comma before 'have promised': the subject before it speaks, not the aside's last noun
    text = "Tech companies, facing pressure from users over their role in partisan division, have promised to act."
    assert cues_and_speakers(text) == [("have promised", "Tech companies")]


def test_the_words_before_a_name_after_a_preposition_are_no_description():
    # 'he' resolves to the last name; the words before it ('including stints at') do not describe that person
    text = ("Her views changed as she moved through other jobs, including stints at Dale Martin Foods. "
            "She grew angry when she saw older workers in hardship.")
    assert all("including" not in speaker and " at " not in speaker for _, speaker in cues_and_speakers(text))


@pytest.mark.parametrize("text,expected", [
    # a cue word used as a noun after an adjective reports no one's words
    ("The coalition collapsed in a bitter dispute over the budget.", []),
    ("He issued a stern warning to Iran.", []),
    ("The bill would need 60 votes to overcome a filibuster.", []),  # a plural after a number
    ("Six in 10 say the economy is weak.", [("say", "Six in 10")]),
    # or after a determiner or an -ing verb
    ("He has no plans to leave the company.", []),
    ("Officials are accelerating plans to deal with a contested convention.", []),
    # one capitalised word after a genitive is a thing, not a speaker ('threatens' as 'endangers')
    ("Trump's Islamophobia threatens national security.", []),
    # or after a name that is a preposition's object
    ("The law passed in 2010 without Republican votes.", []),
    ("The cost of GOP plans to read the bill aloud was high.", []),
    ("It was the only hitch in Clinton's plans to rally teachers.", []),
    ("China is the means of compelling Pyongyang to submit to US demands.", []),  # 'US' is no plural
    ("A letter from Obama says the deal is off.", [("says", "A letter from Obama")]),  # a verb after 'from X'
    ("A majority of Republicans support deploying troops.", [("support", "A majority of Republicans")]),
    ("Nearly 8 in 10 in Alabama support the proposal.", [("support", "Nearly 8 in 10 in Alabama")]),
    ("Prime Minister Benjamin Netanyahu of Israel warning of the risks was heard.",
     [("warning", "Benjamin Netanyahu")]),
    # the same words as verbs
    ("The senator plans to run again.", [("plans", "The senator")]),
    ("The government disputes the figures.", [("disputes", "The government")]),
    ("Critics warn that costs will rise.", [("warn", "Critics")]),
])
def test_a_cue_word_after_an_adjective_or_a_determiner_is_a_noun(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # coordinated predicates share the clause's subject: the noun phrase after the first verb is its object
    ("The senator praised the deal, denounced its critics and said the vote was fair.",
     [("praised", "The senator"), ("denounced", "The senator"), ("said", "The senator")]),
    ("Smith met the governor on Friday, denounced the plan and said the council had failed.",
     [("denounced", "Smith"), ("said", "Smith")]),
])
def test_the_object_of_a_coordinated_verb_is_no_speaker(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_participle_with_a_name_as_its_object_is_no_speaker():
    # 'urging Congress to act' is a participle clause, not a noun phrase like 'Leading Democrats'
    text = "Hoping to win, urging Congress to act, Smith said the plan was fine."
    assert all("Congress" not in speaker for _, speaker in cues_and_speakers(text))
    assert cues_and_speakers("Leading Democrats said the plan would fail.") == [("said", "Leading Democrats")]
    assert cues_and_speakers("Retired Gen. John Allen said the plan was fine.") == [("said", "John Allen")]


@pytest.mark.parametrize("text", [
    "He said the plan was fine, but she will veto the disgraceful bill.",
    "He said the plan was fine, but she has vetoed the disgraceful bill.",
    "He said the plan was fine, but Ms. Ruiz could still veto the disgraceful bill.",
])
def test_a_coordinated_clause_with_a_modal_or_auxiliary_ends_the_content(text):
    # ', but she will veto ...': a main clause with its own subject and verb group is the writer's, as with 'vetoed'
    assert voice_of(text, "disgraceful")[0] == "author"


@pytest.mark.parametrize("text,expected", [
    # a quotation inside an aside on the subject is no statement the verb after it reports: no speaker after the verb
    ("Humphrey, who calls Trump a “sociopath,” said he would not vote.", [("calls", "Humphrey"), ("said", "Humphrey")]),
    ("Washington, star of the show “Scandal,” thanked Obama for the order.", [("thanked", "Washington")]),
    ("Mr. Manafort, citing “the unique magic of Trump,” said the race was close.",
     [("citing", "Mr. Manafort"), ("said", "Mr. Manafort")]),
    # a quotation in the main clause, or after an opening phrase, is reported: the speaker follows the verb
    ("The bill is “a disaster,” said Sen. Jones.", [("said", "Sen. Jones")]),
    ("Behind the scenes, Mr. Smith is “working hard,” said Sen. Jones.", [("said", "Sen. Jones")]),
    ("Bloomberg pegged him at a billion, which Mr. Trump called “a disgrace,” blaming the editors.",
     [("called", "Mr. Trump"), ("blaming", "Mr. Trump")]),
])
def test_a_quotation_in_an_aside_on_the_subject(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a vote for or against something is a stance, as support and opposition are (PolNeAR guidelines: support)
    ("Ms. Ruiz voted against the bill in 2010.", [("voted against", "Ms. Ruiz")]),
    ("The Senate voted to approve the plan.", [("voted", "The Senate")]),
    ("The votes for the plan were counted.", []),
    ("He won the most votes in Iowa.", []),
])
def test_votes_for_or_against_are_stances(text, expected):
    # the preposition that ties the vote to what it is about stays in the cue's verb group ('voted against')
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # not responding to a request is attributed like declining to comment; a plain 'respond' is no statement yet
    ("The campaign did not immediately respond to a request for comment.",
     [("did not immediately respond", "The campaign")]),
    ("A spokesman didn’t respond to emails.", [("didn’t respond", "A spokesman")]),
    ("He will respond to the report on Monday.", []),
])
def test_not_responding_is_a_cue(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'support' the verb after its subject; the noun ('its support', 'Clinton's support falls') is no cue
    ("Most voters support the plan.", [("support", "Most voters")]),
    ("The group threw its support behind Cruz.", []),
    ("Clinton's support falls short in Ohio.", []),
    # a name in the genitive before a noun of saying with its complement still reports what the name's owner says
    ("He's said the plan failed.", [("said", "He")]),
])
def test_support_the_verb_and_the_noun(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a relative clause that says the name is withheld makes an unnamed source anonymous, whatever its role
    ("“It's a sad day,” said one senior Tory, who asked not to be named.", ("one senior Tory", "party politician", True)),
    ("The plan will fail, said a Republican strategist who was not authorized to speak publicly.",
     ("a Republican strategist who was not authorized to speak publicly", "party politician", True)),
    ("The plan will fail, said a nurse who has used the service.", ("a nurse who has used the service", "ordinary person", False)),
    # a one-word role from the affiliation file after an inverted verb of saying is the speaker
    ("The plan will fail, said a local farmer.", ("a local farmer", "ordinary person", False)),
    # a bare plural of a role word after an inverted verb of saying is the speaker, not the clause before the comma
    ("Prices rose, said economists at the bank.", ("economists at the bank", "expert or academic", False)),
])
def test_anonymous_sources_and_inverted_role_speakers(text, expected):
    a = attributions(text)
    assert (a.iloc[0]["speaker"], a.iloc[0]["affiliation"], bool(a.iloc[0]["anonymous"])) == expected


@pytest.mark.parametrize("text,expected", [
    # a 'who' clause is about the nearest noun phrase naming someone, not the thing before its preposition
    ("It set up a fierce battle with Republicans who have vowed to block it.", [("have vowed", "Republicans")]),
    ("There was anger among residents who said the plan failed.", [("said", "residents")]),
    # a person before the preposition stays the speaker
    ("The company hired a lawyer from Texas who said the case was weak.", [("said", "a lawyer from Texas")]),
])
def test_a_relative_clause_is_about_the_noun_phrase_before_it(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # lowercase particles inside a name are part of it; the surname with its particle names the same person later
    ("Mayor Bill de Blasio defended the plan. De Blasio said it would work.",
     [("defended", "Bill de Blasio"), ("said", "Bill de Blasio")]),
    ("Ursula von der Leyen said the deal was fair.", [("said", "Ursula von der Leyen")]),
    ("Syrian President Bashar al-Assad denied the report.", [("denied", "Bashar al-Assad")]),
    # a particle before a lowercase word is no name ('in de facto control')
    ("Officials in de facto control of the area said the road was closed.",
     [("said", "Officials in de facto control of the area")]),
])
def test_names_with_particles(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'it' is never a person: the body named before it in its sentence ('The company's shares ... after it warned')
    ("Shares fell after the report said profits were down. The company's shares plunged after it warned of losses.",
     [("said", "the report"), ("warned", "The company")]),
    # or in the sentence before, even when a person spoke in between
    ("Mary Smith, a spokeswoman for the agency, said the review was over. It said no one was hurt.",
     [("said", "Mary Smith"), ("said", "the agency")]),
    # with no body named nearby, the last body that spoke
    ("The Labor Department said payrolls rose. Economists were surprised. It added that wages grew.",
     [("said", "The Labor Department"), ("added", "The Labor Department")]),
])
def test_it_resolves_to_a_body_not_a_person(text, expected):
    assert cues_and_speakers(text) == expected


def test_middle_initials_suffixes_and_states_before_an_office():
    text = ("Arizona Gov. Jan Brewer said the bill was flawed. Senator Charles E. Grassley said he agreed. Later "
            "Grassley said no. Vice President Joseph R. Biden Jr. spoke. Biden said yes.")
    assert cues_and_speakers(text) == [("said", "Jan Brewer"), ("said", "Charles E. Grassley"),
                                       ("said", "Charles E. Grassley"), ("said", "Joseph R. Biden Jr")]


def test_after_said_a_described_speaker_ends_the_sentence_whatever_its_noun():
    text = "Pope Francis is a heretic who has betrayed the faith, said the bishop."
    assert cues_and_speakers(text) == [("said", "the bishop")]
    loaded = analyze_text(text, tone=False).spans.query("category == 'loaded'")
    assert set(loaded["voice"]) == {"attributed"} and "heretic" in set(loaded["text"])
    # after a verb that takes an object the noun phrase is its object, and the subject speaks
    assert cues_and_speakers("The senator, an ally, criticized the trade.") == [("criticized", "The senator")]


@pytest.mark.parametrize("description,anonymous", [
    # the head of the noun phrase comes before a preposition, a relative clause or an adjective after the noun
    ("two people familiar with the matter", True),
    ("officials close to the talks", True),
    ("Officials in de facto control of the area", True),
    ("a lawyer from Texas", False),
])
def test_unnamed_sources_by_the_head_of_their_noun_phrase(description, anonymous):
    assert speakers.make_speaker(description).anonymous is anonymous


def test_they_speaks_for_a_group_never_for_one_person():
    text = ("Union leaders said the strike would go on. An aide who asked not to be named said the talks failed. "
            "They called the offer an insult.")
    assert cues_and_speakers(text)[-1] == ("called", "Union leaders")
    # with no group speaking before, 'they' stays unresolved
    assert cues_and_speakers("An aide said the talks failed. They called the offer an insult.")[-1] == ("called", "They")


@pytest.mark.parametrize("text", [
    '"I asked that changes be made in the law," Hutchinson said, urging state lawmakers to "recall" the bill -- or '
    'pass additional legislation -- to "remedy" the issue.',
    '"We cannot afford it," Rubio said, according to the prepared text of remarks he was to deliver in New York.',
])
def test_a_quotation_before_name_said_is_the_cues_even_when_a_clause_follows(text):
    # the words after 'said' are a participle clause or a source of the report, nothing said of its own
    spans = analyze_text(text, tone=False).spans
    quote = spans[spans["category"] == "quote"].iloc[0]
    said = spans[(spans["category"] == "attribution") & (spans["text"] == "said")].iloc[0]
    assert (quote.subcategory, quote.speaker) == ("direct", said.speaker) and said.speaker in ("Hutchinson", "Rubio")
    assert said.scope_start <= quote.start + 1 and said.scope_end >= quote.end - 1 and said.direct


@pytest.mark.parametrize("description,role", [
    # an office right after a capitalised party word is the party's ('Conservative leader'), not a state office
    ("Conservative leader Kemi Badenoch", "party politician"),
    ("a Labour spokesman", "party politician"),
    ("Senate Majority Leader Mitch McConnell", "legislator"),
    ("the leader of North Korea", "government official"),
    ("Democratic Sen. Chuck Schumer", "legislator"),
])
def test_a_party_office_is_a_party_role(description, role):
    assert speakers.classify(description)[0] == role


@pytest.mark.parametrize("text,role", [
    ("Environmental groups vowed to fight the pipeline in court.", "advocacy group"),
    ("The charity warned that families would suffer.", "advocacy group"),
    ("The minister pledged to cut taxes, while the opposition threatened to block the budget.", "party politician"),
])
def test_campaigners_charities_and_the_opposition_have_their_roles(text, role):
    assert attributions(text).iloc[-1]["affiliation"] == role


@pytest.mark.parametrize("text,expected", [
    # a noun phrase after a preposition is its object: the verb after the comma shares the clause's subject
    ("The senator returned to Washington, said she would vote no and left.", [("said", "The senator")]),
    ("The report, released in Washington, said the plan had failed.", [("said", "The report")]),
])
def test_the_object_of_a_preposition_is_no_speaker_before_a_comma(text, expected):
    assert cues_and_speakers(text) == expected


def test_they_looks_back_only_a_few_sentences():
    text = ("Union leaders said the strike would go on. " + "The talks resumed on Tuesday morning in the capital. " * 12
            + "They called the offer an insult.")
    assert cues_and_speakers(text)[-1] == ("called", "They")


@pytest.mark.parametrize("text,expected", [
    # a verb after the sentence's only comma with no subject of its own shares the main clause's subject
    ("The union met on Monday, called on Mr. Barr to resign and demanded an inquiry.",
     [("called", "The union"), ("demanded", "The union")]),
    ("The senator returned to Washington on Monday, said she would vote no and left.", [("said", "The senator")]),
])
def test_a_verb_after_a_comma_shares_the_subject_of_the_main_clause(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("description,role", [
    # 'Dr.' makes an expert only when no other word gives a role; specialists are experts
    ("Dr. Anthony Fauci", "expert or academic"),
    ("Dr. Ana Lopez, a cardiologist", "expert or academic"),
    ("Sen. Dr. Rand Paul", "legislator"),
    ("Dr. Smith, the health minister", "government official"),
])
def test_a_courtesy_doctor_yields_to_any_other_role(description, role):
    assert speakers.classify(description)[0] == role


@pytest.mark.parametrize("description,expected", [
    # a party tag after a comma gives the party too
    ("Sen. Jim DeMint, R-S.C.", ("legislator", "", "Republican")),
    # a country in a relative clause is what the speaker did, not where the speaker is from
    ("Sen. Mark Warner, who met with Russian officials", ("legislator", "", "")),
    # a country name right after a personal title is a surname
    ("Rep. Jim Jordan", ("legislator", "", "")),
    ("Mr. Jordan", ("", "", "")),
    # party and union officials are no state officials
    ("Republican officials", ("party politician", "", "Republican")),
    ("one union official", ("advocacy group", "", "")),
    # the country of an appositive still counts
    ("Geng Shuang, a Chinese foreign ministry spokesman", ("government official", "China", "")),
    # leaders of a sector or movement are no state officials; religious bodies are civil society
    ("business leaders", ("business", "", "")),
    ("the business community", ("business", "", "")),
    ("community leaders", ("advocacy group", "", "")),
    ("Catholic bishops", ("advocacy group", "", "")),
    ("world leaders", ("government official", "", "")),
])
def test_roles_countries_and_parties_from_the_right_words(description, expected):
    assert speakers.classify(description) == expected


@pytest.mark.parametrize("text,expected", [
    # 'all', 'both' and 'each' after the subject or its auxiliary quantify the subject before them
    ("The three senators have all criticized the plan.", [("criticized", "The three senators")]),
    ("The nurses each said the hospital was understaffed.", [("said", "The nurses")]),
    ("The two mayors both argued that the tax is unfair.", [("argued", "The two mayors")]),
    # a quantifier that is the subject itself stays the speaker
    ("Both said the plan would fail.", [("said", "Both")]),
    ("Of the ten senators, all said the plan would fail.", [("said", "all")]),
])
def test_a_floating_quantifier_leaves_the_subject_before_it(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a name after a common noun and a preposition is the object of a postmodifier: the noun heads the speaker phrase
    ("A close aide to Governor Tom Briggs said the bill was dead.",
     [("said", "A close aide to Governor Tom Briggs")]),
    ("A lawyer for Acme Widgets said the plant would close.", [("said", "A lawyer for Acme Widgets")]),
    ("The former wife of Tom Briggs told reporters that he had lied.", [("told", "The former wife of Tom Briggs")]),
    # a capitalised office before 'of' is part of the name's title; a spokesman speaks for the one named after 'for'
    ("Secretary of State John Kerry said the talks would resume.", [("said", "John Kerry")]),
    ("A spokeswoman for Mayor Jane Roe said the bridge would close.", [("said", "Jane Roe")]),
    ("Mark Holden, chairman of Freedom Partners, said the ads would run.", [("said", "Mark Holden")]),
])
def test_a_name_after_a_preposition_is_no_speaker_of_its_own(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("description,role", [
    # the head of a body has the body's role; a head of state keeps the office's
    ("Max Richtman, president of an advocacy group in Washington", "advocacy group"),
    ("Lawrence Summers, the president of Harvard University", "expert or academic"),
    ("President of the United States Barack Obama", "government official"),
    # a leader's chief of staff is a government official; a leader of a party in a chamber is a legislator
    ("Rahm Emanuel, the White House chief of staff", "government official"),
    ("House Democratic Leader Nancy Pelosi", "legislator"),
])
def test_heads_of_bodies_and_chamber_leaders(description, role):
    assert speakers.classify(description)[0] == role


@pytest.mark.parametrize("text, expected", [
    # a surname later keeps the role of the office named with the person first, before or after a comma
    ("House Speaker Nancy Pelosi met the president. Pelosi said the talks failed.",
     ("said", "Nancy Pelosi", "legislator", "", "")),
    ("The Senate Democratic leader, Chuck Schumer of New York, spoke. Later, Mr. Schumer said the vote would fail.",
     ("said", "Chuck Schumer", "legislator", "", "Democratic")),
    ("The defense secretary, Jim Mattis, resigned. Mr. Mattis wrote that his views differed.",
     ("wrote", "Jim Mattis", "government official", "", "")),
])
def test_a_surname_takes_the_role_of_the_earlier_full_naming(text, expected):
    assert who(text)[-1] == expected


def test_he_is_the_subject_not_a_person_named_in_what_was_said():
    text = ("Representative Jerrold Nadler of New York stopped short of calling on Mr. Trump to cancel, but he said "
            "the president should demand that Mr. Putin extradite those indicted.\n\n"
            "“I would not trust the president alone with Putin,” he said.")
    assert [s for _, s in cues_and_speakers(text)] == ["Jerrold Nadler", "Jerrold Nadler"]
    # a person named as the subject of a new sentence takes over
    text = "Senator Ann Kerr praised the bill. Governor Tom Hale opposed it. He said it was too costly."
    assert cues_and_speakers(text)[-1] == ("said", "Tom Hale")


@pytest.mark.parametrize("text,expected", [
    # an editor's label before a colon names no speaker; a name does
    ("UPDATE: Richard Blumenthal defended himself on Monday.", [("defended", "Richard Blumenthal")]),
    ("Gingrich: Trump must decide.", [(":", "Gingrich")]),
    # right before 'of', 'accused' is a passive participle: the noun before it is accused, no accuser is named
    ("The Justice Department indicted 12 Russian intelligence officers accused of hacking Democrats.",
     [("accused", "(unnamed)")]),
    ("The senator accused the agency of lying.", [("accused", "The senator")]),
])
def test_editors_labels_and_the_accused_are_no_speakers(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a noun phrase with a determiner right after a preposition is its object, not the speaker: the clause's subject
    # speaks
    ("The group pushed back on the report, but at the same time acknowledged that changes were needed.",
     [("acknowledged", "The group")]),
    # ... unless a relative clause is about it
    ("There was anger among the residents who said the plan failed.", [("said", "the residents")]),
    # a preposition opening the sentence is no part of the speaker of an absolute clause
    ("With AARP potentially backing off its opposition, other groups are worried.", [("potentially backing", "AARP")]),
])
def test_objects_of_prepositions_and_absolute_clauses(text, expected):
    assert cues_and_speakers(text) == expected


def test_the_role_comes_from_an_appositive_before_the_verb():
    text = ("Michael Steele, chairman of the Republican National Committee, drew criticism on Friday after declaring "
            "that the war was wrong.\n\nMr. Steele said he supported the troops.")
    a = attributions(text)
    assert list(a["speaker"]) == ["Michael Steele", "Michael Steele"]
    assert set(a["affiliation"]) == {"party politician"}
    # an adverbial set off by commas is no description
    assert cues_and_speakers("Polk County GOP Chairman Will Rogers, for example, said the visit mattered.") == [
        ("said", "Will Rogers")]


@pytest.mark.parametrize("first,second", [("US", "South Korean"), ("Republican", "Democratic"), ("Chinese", "Russian")])
def test_a_joint_statement_gets_every_side_whichever_the_text_names_first(first, second):
    one = who(f"{first} and {second} officials said the talks would go on.")
    other = who(f"{second} and {first} officials said the talks would go on.")
    assert len(one) == len(other) == 1
    assert one[0][2:] == other[0][2:] and " & " in one[0][3] + one[0][4]


@pytest.mark.parametrize("text,expected", [
    # every naming of one person is one speaker with the most specific role any naming gives
    ("Michael Steele, the Republican Party chairman, said the war was a mistake. Mr. Steele later told reporters he "
     "was sorry. Chairman Steele added that he backs the troops.",
     [("said", "Michael Steele", "party politician", "", "Republican"),
      ("later told", "Michael Steele", "party politician", "", "Republican"),
      ("added", "Michael Steele", "party politician", "", "Republican")]),
    # the text's own full naming gives the name and office, even where that naming is no speaker
    ("The county prosecutor, Robert P. McCulloch, was absent on Monday. Mr. McCulloch, speaking to a local radio "
     "station, said the case was hard.", [("said", "Robert P. McCulloch", "government official", "", "")]),
    # words before a name that are no part of it go ('Things Donald Trump said')
    ("Things Donald Trump said on Monday were false. Mr. Trump told reporters otherwise.",
     [("said on Monday", "Donald Trump", "other", "", ""), ("told", "Donald Trump", "other", "", "")]),
    # two people who share a surname stay two
    ("Hillary Clinton said the plan works. Bill Clinton said it fails.",
     [("said", "Hillary Clinton", "other", "", ""), ("said", "Bill Clinton", "other", "", "")]),
    ("Mr. Khan said the speech was sad. Ms. Khan said she was silent.",
     [("said", "Mr. Khan", "other", "", ""), ("said", "Ms. Khan", "other", "", "")]),
])
def test_one_naming_and_role_per_person(text, expected):
    assert who(text) == expected


def test_he_or_she_is_never_someone_a_courtesy_title_rules_out():
    text = "Ms. Khan said she was silent. Mr. Khan said the speech was sad. She said more."
    assert [speaker for _, speaker, *_ in who(text)] == ["Ms. Khan", "Mr. Khan", "Ms. Khan"]
    text = "Ms. Ruiz said the vote was close. Mr. Lee stood beside her. He said nothing."
    assert [speaker for _, speaker, *_ in who(text)] == ["Ms. Ruiz", "Mr. Lee"]


def test_no_speaker_opens_with_a_preposition():
    # a place before the subject is no speaker ('Outside the courthouse, where ...'); the subject out of reach is unnamed
    text = ("Outside the Lake County Justice Center, where the grand jury convened, two dozen protesters gathered in a "
            "circle for a prayer, chanted and held signs urging Smith to step aside.")
    assert [speaker for _, speaker in cues_and_speakers(text)] == ["(unnamed)"]


@pytest.mark.parametrize("text,expected", [
    # a relative clause without 'that': its subject after the noun is the speaker
    ("One of the jobs Clinton specifically discussed was the post of envoy.", [("specifically discussed", "Clinton")]),
    ("The plan the senator described last week would cut taxes.", [("described", "the senator")]),
    ("It was the first time the agency acknowledged the practice.", [("acknowledged", "the agency")]),
    ("The ad features Netanyahu laying out his concerns.", [("laying out", "Netanyahu")]),
    # a name after a singular noun is an apposition; a noun phrase with 'of' is one phrase
    ("The economist Ann Ruiz said wages lag.", [("said", "Ann Ruiz")]),
    ("The head of the agency said so.", [("said", "The head of the agency")]),
])
def test_the_subject_of_a_relative_clause_without_that_is_the_speaker(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a word's other sense wins over the general cases that make a verb a cue ('sworn in' is taking office)
    ("At age 70, Mr. Trump became the oldest president sworn in for the first time.", []),
    ("The mayor has called off the parade.", []),
    # 'compared X to Y' sets one thing beside another in words; 'compared to' right after is a plain comparison
    ("In another column, she compared the plan to a tax.", [("compared", "she")]),
    ("The senator likened the bill to a tax.", [("likened", "The senator")]),
    ("Sales compared to last year rose sharply.", []),
    # a name after its cue needs no postmodifier: the place or occasion after it is an adjunct
    ("“We will file cloture,” said Reid on the Senate floor on Tuesday.", [("said", "Reid")]),
    ("“I'll fight,” says Perry in the new ad.", [("says", "Perry")]),
    ("“We will fight,” said Sen. John Smith at a rally in Ohio.", [("said", "John Smith")]),
    # a duration between a subject and its verb is no part of the subject
    ("The White House for three months had refused to discuss it.", [("had refused", "The White House")]),
    ("The senator for years has argued that the tax is unfair.", [("has argued", "The senator")]),
    # a participle's subject ends before the finite verb after the name
    ("Mr. McCarthy spent much of the day calling members and shoring up support.", [("calling", "Mr. McCarthy")]),
    # the name in an introductory phrase is no subject with an appositive
    ("After meeting President Obama, the senator said the plan was sound.", [("said", "the senator")]),
    ("Following President Obama, the senator said the plan was sound.", [("said", "the senator")]),
    # 'Jr.' keeps its period
    ("Samuel A. Alito Jr. said the claim was weak.", [("said", "Samuel A. Alito Jr.")]),
])
def test_speaker_phrases_end_where_the_noun_phrase_ends(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # 'they' speaks for two people named together, or people with a role in the plural, as the sentence's subject
    ("Mr. Romney and Mr. Ryan would abolish the panel, which they describe as a tool for rationing.",
     [("describe", "Mr. Romney and Mr. Ryan")]),
    ("The party leaders met on Monday. They said the nominee was qualified.", [("said", "The party leaders")]),
    # no plural subject with a role: 'they' stays unresolved
    ("The bills failed on Monday. They said the nominee was qualified.", [("said", "They")]),
])
def test_they_speaks_for_the_plural_subject_before_it(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_naming_that_says_the_person_is_a_woman_is_not_mr():
    # the text's only full naming of the surname is a woman's: 'Mr. Trump' is someone else
    text = ("The president's daughter Ivanka Trump attended the game. “We will not be intimidated,” Mr. Trump said.")
    assert cues_and_speakers(text) == [("said", "Mr. Trump")]
    text = "Her husband, Bill Clinton, campaigned in Iowa. “We will win,” Mrs. Clinton said."
    assert cues_and_speakers(text) == [("said", "Mrs. Clinton")]
    # without such a word the full naming stands
    text = "Donald J. Trump spoke in Iowa. “We will win,” Mr. Trump said."
    assert cues_and_speakers(text) == [("said", "Donald J. Trump")]


def test_the_full_naming_with_a_role_and_a_possessive_naming():
    # a possessive naming is a full naming too ('Donald J. Trump’s criticism'), and the naming that gives the
    # person's role beats a later one that gives none
    text = ("Mark Jebens found no fault with Donald J. Trump's criticism. “I'm a guy with common sense,” Mr. Trump said.")
    assert cues_and_speakers(text)[-1] == ("said", "Donald J. Trump")
    text = ("Romney called on Rep. Todd Akin to quit. Many criticised Todd Akin's remarks. “I will stay,” Akin said.")
    assert who(text)[-1][1:3] == ("Todd Akin", "legislator")


@pytest.mark.parametrize("text,expected", [
    # a capitalised word of the common vocabulary that opens the sentence premodifies the subject, it is not one
    ("Democratic presidential nominee Hillary Clinton, whose loss surprised many, attended and tweeted that she came "
     "to honor our democracy.", [("tweeted", "Hillary Clinton", "party politician", "", "Democratic")]),
    ("The congressman over the weekend joked about the incident on Twitter, asking whether his blender was safe.",
     [("joked about", "The congressman", "legislator", "", ""), ("asking", "The congressman", "legislator", "", "")]),
    ("Many of the Democrats are more worried about their opponents, saying the race is close.",
     [("worried about", "Many of the Democrats", "party politician", "", "Democratic"),
      ("saying", "Many of the Democrats", "party politician", "", "Democratic")]),
    ("A person briefed on the matter said the prosecutors had issued subpoenas.", [("said", "A person", "anonymous", "", "")]),
    # an introductory phrase that opens with a preposition comes before the subject
    ("Down in the polls, Texas Gov. Rick Perry is on the attack, claiming in a new ad that the race is open.",
     [("claiming", "Rick Perry", "government official", "", "")]),
    # a short time phrase without its comma opens the sentence before the subject
    ("Last year Romney signed the pledge, promising to support the amendment.", [("promising", "Romney", "other", "", "")]),
    # a participle clause that opens the sentence is no subject ('Listening')
    ("Listening to Michael R. Bloomberg rage about Donald J. Trump this week — labeling him a public menace — it "
     "would be easy to think they had a rift.", [("labeling", "Michael R. Bloomberg", "other", "", "")]),
])
def test_the_subject_that_opens_a_sentence_is_its_whole_noun_phrase(text, expected):
    assert who(text) == expected


def test_a_person_whose_surname_is_a_company_is_the_person():
    text = ("Former New York City Mayor Michael Bloomberg endorsed Hillary Clinton. “This is too important to sit out,” "
            "said Bloomberg, a former Democrat who won New York's mayoralty as a Republican. “I disagree with her at "
            "times,” Bloomberg said. Bloomberg News reported the speech.")
    assert [w[:3] for w in who(text)] == [("endorsed", "Michael Bloomberg", "government official"),
                                          ("said", "Michael Bloomberg", "government official"),
                                          ("said", "Michael Bloomberg", "government official"),
                                          ("reported", "Bloomberg News", "media")]
    assert speakers.classify("Michael R. Bloomberg")[0] == "" and speakers.classify("Gerald Ford")[0] == ""
    # a body whose name ends with a common noun or runs on stays a body
    assert speakers.classify("Roger Pilon of the Cato Institute")[0] == "expert or academic"
    assert speakers.classify("New York Magazine writer Yashar Ali")[0] == "media"
    assert speakers.classify("a founder of the National Organization for Marriage")[0] != ""


@pytest.mark.parametrize("text,reported,own", [
    # a coordinated clause with its own speaker ends what the first speaker said: its words are the outlet's again
    ("The mayor claimed the lanes would cut traffic, but furious shop owners slammed the plan.",
     "the lanes would cut traffic", "furious"),
    ("Smith said the bill was a disaster; outraged Democrats argued that it would pass.", "the bill was a disaster",
     "outraged"),
])
def test_a_new_clause_with_its_own_speaker_ends_the_reported_statement(text, reported, own):
    spans = analyze_text(text, tone=False).spans
    first = spans[spans["category"] == "attribution"].iloc[0]
    assert text[first.scope_start:first.scope_end].strip() == reported
    assert spans[spans["text"] == own]["voice"].tolist() == ["author"]


def test_the_subject_after_a_quotation_and_before_an_appositive_speaks():
    text = ("She is a “sane, competent person,” Michael Bloomberg, the former New York mayor and founder of a "
            "financial news and information empire, said at the convention.")
    spans = analyze_text(text, tone=False).spans
    assert spans[spans["category"] == "attribution"]["speaker"].tolist() == ["Michael Bloomberg"]
    quote = spans[spans["category"] == "quote"].iloc[0]
    assert (quote.subcategory, quote.speaker) == ("partial", "Michael Bloomberg")  # no scare quote
    text = ("“Ground zero is hallowed ground,” Elliott Maynard, a Republican trying to unseat Representative Nick J. "
            "Rahall II, a Democrat, said in a statement.")
    assert who(text)[0][:2] == ("said in a statement", "Elliott Maynard")


@pytest.mark.parametrize("description,role", [
    ("Schumer and fellow Senate Democrats", "party politician"),  # 'fellow' before a noun is no title
    ("fellow Republicans", "party politician"),
    ("a senior fellow at the Brookings Institution", "expert or academic"),
    ("research fellow John Smith", "expert or academic"),
    ("the authorities in New York", "government official"),
    ("retail giant Wal-Mart", "business"),
    ("Newsweek", "media"),
])
def test_general_roles_of_common_descriptions(description, role):
    assert speakers.classify(description)[0] == role


@pytest.mark.parametrize("description,name", [
    ("Former Speaker of the House Newt Gingrich", "Newt Gingrich"),
    ("Former Secretary of State Colin Powell", "Colin Powell"),
    ("Former Mayor of New York Michael Bloomberg", "Michael Bloomberg"),
    ("Joel Pollak of Breitbart California", "Joel Pollak"),
])
def test_offices_with_of_before_a_name_are_no_part_of_it(description, name):
    speaker = speakers.make_speaker(description)
    assert (speaker.name, speaker.person) == (name, True)


def test_he_after_a_long_office_is_the_person_who_holds_it():
    text = ("“Most members would not want a guard,” Rep. Mike Doyle told reporters. Former Speaker of the House Newt "
            "Gingrich lauded the current system. He said the threat should not change that.")
    assert cues_and_speakers(text)[1:] == [("lauded", "Newt Gingrich"), ("said", "Newt Gingrich")]


@pytest.mark.parametrize("description,role", [
    ("The president", "government official"),  # a determiner opening the sentence is no body the president heads
    ("Former President Obama", "government official"),
    ("Senate President Mike Thibodeau", "legislator"),
    ("The Safari Club president", ""),
    ("The company president", "business"),  # a common noun naming a body before a head title: its head
    ("union President Randi Weingarten", "advocacy group"),
    ("a C.I.A. spokesman", "government official"),  # acronyms written with periods
    ("A spokeswoman for the F.B.I.", "government official"),
    ("A Microsoft spokesperson", "business"),
    ("Those firms", "business"),
    ("the AARP", "advocacy group"),
    ("the NRSC", "party politician"),
    ("the general public", ""),  # 'general' before a common noun is an adjective, no military rank
    ("a number of his potential Republican general election opponents", "party politician"),
    ("General John Allen", "military"),
    # a possessive ends a word: the owner's role goes to the body or staff it owns
    ("the governor's spokesman", "government official"),
    ("Andrew Wilder, the governor’s spokesman", "government official"),
    ("John Rother, AARP’s policy chief", "advocacy group"),
    ("CNN’s Deirdre Walsh", "media"),
    ("the former secretary of state’s campaign", "party politician"),  # the campaign speaks, not its owner's office
    ("Human Rights Campaign", "advocacy group"),  # a body's name, no political campaign
    # but not to a relative or the person's own lawyer, nor from an aside after a preposition
    ("the president’s son", ""),
    ("The congressman's lawyers", ""),
    ("Republicans and Democrats, in their reactions to the president’s support", "party politician"),
    ("Kevin Sheekey, an adviser to Mr. Bloomberg", ""),  # a title before a company's name makes it a person
])
def test_roles_of_heads_acronyms_and_well_known_bodies(description, role):
    assert speakers.classify(description)[0] == role


@pytest.mark.parametrize("text,expected", [
    # an aspectual verb before an -ing cue is part of its verb group, not of the speaker's phrase
    ("When friends began discussing their plans, he left.", [("began discussing", "friends")]),
    ("The senator kept saying the bill was dead.", [("kept saying", "The senator")]),
    ("Liberal groups such as MoveOn.org began urging members to sign up.", [("began urging", "MoveOn.org")]),
    # but not after a comma or 'to': 'continued' is then a cue of its own or an infinitive
    ("“It is over,” he continued, citing the polls.", [("continued", "he"), ("citing", "he")]),
    # a noun between 'which' and the cue is the cue's subject, not the clause's antecedent
    ("Indiana passed a version which critics said could allow discrimination.", [("said", "critics")]),
    ("Economists who favor consumption taxes agree that it is hard.", [("agree", "Economists")]),
])
def test_aspectual_verbs_and_subjects_inside_relative_clauses(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_pronoun_with_a_contracted_auxiliary_resolves_like_the_pronoun():
    text = "Republicans oppose the bill. They're hoping to get 60 votes. Jeb Bush spoke. He’s comparing it to 2012."
    assert cues_and_speakers(text) == [("oppose", "Republicans"), ("hoping", "Republicans"),
                                       ("comparing", "Jeb Bush")]


def test_that_said_in_a_relative_clause_stays_a_cue():
    assert [c for c, _ in cues_and_speakers("They handed out bottles that said, “Vote early.”")] == ["said"]


def test_an_office_in_the_sentence_before_is_no_appositive_of_a_name():
    text = ("He is the second senior F.B.I. agent to be fired as a result of the inspector general’s investigation. "
            "In March, Andrew G. McCabe, the former deputy director, was fired. The firing was politically "
            "motivated, Mr. McCabe has said.")
    assert ("has said", "Andrew G. McCabe") in cues_and_speakers(text)


def test_a_clause_before_a_name_does_not_describe_the_person():
    text = ("The president castigated Kathy Griffin, the comic, for a video. Ms. Griffin went online to express "
            "regret. “I sincerely apologize,” she said in a video.")
    a = analyze_text(text, tone=False).spans
    said = a[(a.category == "attribution") & (a.speaker == "Kathy Griffin")]
    assert len(said) and set(said["affiliation"]) == {"other"}  # not the president's role


@pytest.mark.parametrize("text,expected", [
    # 'Long' is a name when capitalised before a past verb, a party tag between or not; lower case, an adverb
    ("“The new law does not discriminate,” Long said.", [("said", "Long")]),
    ("Senate President Pro Tem David Long (R) said the fix was near.", [("said", "David Long")]),
    ("He has long said the bill was bad.", [("has long said", "He")]),
    # an -ed word between an article and a number is an adjective ('an estimated 800,000'), no verb of saying
    ("The shutdown sent an estimated 800,000 workers home and cost an estimated $5 billion.", []),
])
def test_names_that_are_verb_group_words_and_adjectives_that_look_like_cues(text, expected):
    assert cues_and_speakers(text) == expected


def test_the_president_is_no_earlier_speaker_whose_head_is_another_noun():
    text = "The president’s decision claims that the wall is needed. The president again suggested he should win."
    assert cues_and_speakers(text)[-1] == ("again suggested", "The president")
    text = "Senator Bernie Sanders, the Vermont senator, said it was wrong. The senator said more."
    assert [s for _, s in cues_and_speakers(text)] == ["Bernie Sanders", "Bernie Sanders"]  # a name's head is no noun


def test_a_surname_is_the_person_not_a_joint_statement_naming_him():
    text = ("Senate leader David Long and House Speaker Brian Bosma said they would fix the law. Bosma acknowledged "
            "a concern.")
    assert cues_and_speakers(text)[-1] == ("acknowledged", "Brian Bosma")


@pytest.mark.parametrize("text,expected", [
    # ', who' after the object of a verb or preposition: the relative clause's subject is that object
    ("The decision drew condemnation from Democrats, who called it an abuse of power.", [("called", "Democrats")]),
    ("Mr. Trump met with Mr. Kim, who said the talks were good.", [("said", "Mr. Kim")]),
    # a preposition inside a name opens no phrase: the name after the last preposition outside it
    ("Democrats echoed a similar call from Sen. Amy Klobuchar of Minnesota, who said the inquiry must go on.",
     [("echoed", "Democrats"), ("said", "Sen. Amy Klobuchar")]),
    ("The deal drew criticism from Democrats and Republicans in Congress who agree that it is unfair.",
     [("agree", "Democrats and Republicans in Congress")]),
    ("The plan was attacked by Senator Tom Hale, who called it reckless.", [("called", "Tom Hale")]),
])
def test_the_subject_of_a_who_clause_on_an_object_is_that_object(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # after a comma, the object of a preposition on a thing ('a lecture from') is what the clause is about ...
    ("It was a reversal for the Wisconsin Republican, who had pledged to support the nominee.",
     [("had pledged", "the Wisconsin Republican")]),
    ("Trump endured a lecture from the Mexican president, who said that NAFTA has been good.",
     [("said", "the Mexican president")]),
    # ... but not on a person or a group ('Democrats across the country', 'a professor of law at the University')
    ("It was echoed by Democrats across the country, who highlighted his comments.",
     [("was echoed", "Democrats across the country"), ("highlighted", "Democrats across the country")]),
    ("Pierre de Vos, a professor of constitutional law at the University of Cape Town, who likened the race to a car "
     "crash, was blunt.", [("likened", "Pierre de Vos")]),
])
def test_a_who_clause_after_a_comma_is_about_the_object_of_a_thing(text, expected):
    assert cues_and_speakers(text) == expected


def test_a_pronoun_passes_over_a_person_of_the_other_sex():
    text = ("Senator Bernie Sanders wants free college. Mrs. Clinton would cut costs. He calls for a single-payer "
            "system.")
    assert cues_and_speakers(text)[-1] == ("calls for", "Bernie Sanders")
    text = "Mrs. Clinton met Sen. Sanders on Monday, and he said it went well."
    assert cues_and_speakers(text) == [("said", "Sen. Sanders")]


@pytest.mark.parametrize("subject", ["More challenging", "It", "You’ve", "Friends"])
def test_a_common_word_taken_for_a_subject_is_no_person_a_pronoun_resolves_to(subject):
    speakers = [s for _, s in cues_and_speakers(
        f"Senator Bernie Sanders spoke. {subject} said the plan was fine. Later he said it was not.")]
    assert speakers[-1] == "Bernie Sanders"


def test_a_verb_the_loaded_list_calls_hostile_has_a_hostile_tone_under_sources():
    hostile = [e.term for e in read_entries(DATA_DIR / "loaded.csv") if e.subcategory == "hostile verb of saying"]
    cues = {e.term: e.tone for e in read_entries(DATA_DIR / "cues.csv")}
    covered = [t for t in cues for h in hostile if t == h or (h.endswith("*") and t.startswith(h[:-1]))]
    assert len(covered) > 40 and {t: cues[t] for t in covered if cues[t] != "hostile"} == {}
    text = "Critics on the right derided it as an amnesty. Mr. Hale chided the senators."
    spans = analyze_text(text, tone=False).spans
    assert set(spans[spans["category"] == "attribution"]["cue_tone"]) == {"hostile"}
    assert set(spans[spans["category"] == "loaded"]["subcategory"]) >= {"hostile verb of saying"}


@pytest.mark.parametrize("text,expected", [
    # a 'who' clause after a thing's preposition is about the people named after it ...
    ("The company raised prices, prompting outrage from patient groups who say the firm is gouging diabetics.",
     [("say", "patient groups")]),
    ("The bill has the support of unions who say it protects jobs.", [("say", "unions")]),
    # ... past a phrase that describes a person ('officials of the ministry') ...
    ("The deal drew criticism from officials of the ministry who say it is unfair.",
     [("say", "officials of the ministry")]),
    # ... and a partitive phrase is about the part (Quirk et al. 1985, sec. 5.7-5.9)
    ("More than half of the respondents who support Sanders are in college.", [("support", "half of the respondents")]),
    ("He won among the 30 percent of voters who said Wall Street does more harm.",
     [("said", "the 30 percent of voters")]),
    ("Democrats are already eyeing one of the Democrats who pushed for a compromise.",
     [("pushed for", "one of the Democrats")]),
])
def test_the_antecedent_of_a_who_clause_after_a_preposition(text, expected):
    assert cues_and_speakers(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a one-word name takes its role from the words the text puts before it, and keeps its own name
    ("The pharmaceutical giant Novacor raised prices. Novacor defended the move.",
     [("defended", "Novacor", "business", "", "")]),
    ("Patients sued drugmaker Novacor on Monday. Novacor said the claims had no merit.",
     [("said", "Novacor", "business", "", "")]),
    ("The rights group Libera filed a complaint. Libera said the law was unfair.",
     [("said", "Libera", "advocacy group", "", "")]),
    # a word before the name that is no institution's gives no role
    ("Voters like Novacor. Novacor said the claims had no merit.", [("said", "Novacor", "other", "", "")]),
    ("Prices rose, prompting outrage from patient groups who say the firm is gouging diabetics.",
     [("say", "patient groups", "advocacy group", "", "")]),
    ("Farm lobby leaders have accused the government of strangling agribusiness.",
     [("have accused", "Farm lobby leaders", "advocacy group", "", "")]),
])
def test_a_one_word_body_takes_its_role_from_the_words_before_its_name(text, expected):
    assert who(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Trump in the past has referred to shadow banning as discriminatory.", [("has referred to", "Trump")]),
    ("The senator over the past few years has argued for cuts.", [("has argued for", "The senator")]),
    ("Experts in the field said it works.", [("said", "Experts in the field")]),  # no time: the phrase stays whole
])
def test_a_time_adverbial_after_the_subject_is_no_part_of_the_speaker(text, expected):
    assert cues_and_speakers(text) == expected
