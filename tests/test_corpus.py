import hashlib
import shutil

from analysis.corpus.folder import load_corpus
from tests.support import CNN_0708, ROOT, WSWS


def test_loads_all_five_seed_articles_with_metadata(corpus):
    assert not corpus.issues
    assert len(corpus.articles) == 5
    assert set(corpus.outlets) == {"cnn", "japantimes", "wsws"}
    assert {a.outlet for a in corpus.articles} == {"cnn", "japantimes", "wsws"}
    wsws = corpus.article(WSWS)
    assert wsws.author == "Peter Symonds"
    assert wsws.headline == "US strategic bombers conduct provocative drill near North Korea"
    assert corpus.article(CNN_0708).headline == ""  # unknown stays unknown


def test_raw_text_is_kept_byte_for_byte(corpus):
    seed = ROOT.parent / "shared" / "seed-corpus"
    for a in corpus.articles:
        on_disk = (ROOT / "corpus" / "articles" / a.file).read_bytes()
        assert a.raw.encode("utf-8") == on_disk
        if seed.is_dir():
            assert on_disk == (seed / a.file).read_bytes()


def test_article_can_belong_to_several_events(corpus):
    links = corpus.article_events()
    cnn = links[links["article_id"] == CNN_0708]
    assert set(zip(cnn["event_id"], cnn["role"])) == {
        ("e2-2017-07-07-b1-korea-icbm", "main"), ("e1-2017-07-06-b1-china-seas", "mentions")}
    assert set(links[links["event_id"] == "e2-2017-07-07-b1-korea-icbm"]["article_id"]) == {CNN_0708, WSWS}


def _copy_corpus(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", dst)
    return dst


def test_malformed_entries_are_skipped_with_a_message_and_the_rest_load(tmp_path):
    root = _copy_corpus(tmp_path)
    (root / "articles" / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 100)
    (root / "articles" / "latin1.txt").write_bytes("caf\xe9 \x93quoted\x94".encode("latin-1"))
    (root / "articles" / "empty.txt").write_text("   \n")
    rows = [
        "missing,missing.txt,cnn,2017-07-07,,,,e1-2017-07-06-b1-china-seas,main",
        "badoutlet,binary.txt,foxnews,2017-07-07,,,,e1-2017-07-06-b1-china-seas,main",
        "baddate,binary.txt,cnn,07/07/2017,,,,e1-2017-07-06-b1-china-seas,main",
        "binary,binary.txt,cnn,2017-07-07,,,,e1-2017-07-06-b1-china-seas,main",
        "latin,latin1.txt,cnn,2017-07-07,,,,e1-2017-07-06-b1-china-seas,main",
        "empty,empty.txt,cnn,2017-07-07,,,,e1-2017-07-06-b1-china-seas,main",
        "roles,binary.txt,cnn,2017-07-07,,,,e1-2017-07-06-b1-china-seas;e2-2017-07-07-b1-korea-icbm,main",
        "noevent,binary.txt,cnn,2017-07-07,,,,e9-unknown,main",
        "escape,../../outlets.csv,cnn,2017-07-07,,,,e1-2017-07-06-b1-china-seas,main",
        f"{WSWS},wsws-2017-07-10-provocative-drill.txt,wsws,2017-07-10,,,,e1-2017-07-06-b1-china-seas,main",
        'broken "quote,x.txt,cnn',
    ]
    with (root / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    corpus = load_corpus(root)
    assert len(corpus.articles) == 5
    problems = [str(i) for i in corpus.issues]

    def has(file, words):
        return any(p.startswith(file + ":") and words in p for p in problems)
    assert has("missing.txt", "no such file")
    assert has("binary.txt", "unknown outlet 'foxnews'")
    assert has("binary.txt", "not YYYY-MM-DD")
    assert has("binary.txt", "looks like a binary file")
    assert has("latin1.txt", "not UTF-8")
    assert has("empty.txt", "empty")
    assert has("binary.txt", "2 events but 1 roles")
    assert has("binary.txt", "unknown event 'e9-unknown'")
    assert has("../../outlets.csv", "not inside the corpus articles folder")
    assert has("wsws-2017-07-10-provocative-drill.txt", "duplicate article id")
    assert len(problems) == 11


def test_missing_or_broken_metadata_files_do_not_crash(tmp_path):
    root = _copy_corpus(tmp_path)
    (root / "events.csv").write_text("nonsense\n1\n")
    corpus = load_corpus(root)
    assert corpus.articles == ()
    assert any(i.file == "events.csv" and "missing columns" in i.problem for i in corpus.issues)
    empty = load_corpus(tmp_path / "nowhere")
    assert empty.articles == () and len(empty.issues) == 4


def test_content_hash_identifies_the_text(corpus):
    a = corpus.articles[0]
    assert a.sha256 == hashlib.sha256(a.raw.encode()).hexdigest()
    assert len({x.sha256 for x in corpus.articles}) == 5
