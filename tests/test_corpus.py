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


# SHA-256 of the five texts exactly as the user supplied them (the seed corpus), boilerplate included.
SEED_SHA256 = {
    "cnn-2017-06-20-b1-korean-peninsula.txt": "d19c3a327cb997958a53a96415eecd317399a3ca2a21063d5a4e1c0113dfa2be",
    "cnn-2017-07-07-bombers-east-south-china-seas.txt": "6b04bd470bd3d3e140f8d432cc9fe1218b4cf55c2fed03e5caac1ce554872917",
    "cnn-2017-07-08-bombers-korea-icbm.txt": "cf2cf1837cce1665e1ee5352c97ea71be0075bde1fb08193bb9cc50c560a887a",
    "japantimes-2019-10-29-b52-sea-of-japan.txt": "fb834d0363107969ec8283cf2a91b685258331c9c8660cd7db50ffcae8827b87",
    "wsws-2017-07-10-provocative-drill.txt": "6267586b0b9a225d73ebcb7662defe6a278db48793bec0d03f6e4470274841ee",
}


def test_raw_text_is_kept_byte_for_byte(corpus):
    assert sorted(a.file for a in corpus.articles) == sorted(SEED_SHA256)
    for a in corpus.articles:
        on_disk = (ROOT / "corpus" / "articles" / a.file).read_bytes()
        assert a.raw.encode("utf-8") == on_disk
        assert hashlib.sha256(on_disk).hexdigest() == SEED_SHA256[a.file]


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
