"""The pages' figures are built once per input and shared: the same selection gives the very same figure, a
changed table (another selection, an edited article) a new one."""
from analysis.corpus.workspace import build_view
from analysis.present.glossary import CHART_FEATURES
from ui import figures

STORY = "story:us-bomber-shows-of-force-east-asia"


def test_same_inputs_share_one_figure_and_changed_inputs_build_another(corpus, analyses):
    view = build_view(corpus, analyses)
    ids = view.articles_in(STORY)
    table = view.outlet_table(ids, ["cnn", "japantimes", "wsws"])
    first = figures.grouped_features(table, CHART_FEATURES, view.outlet_names, "caption")
    again = figures.grouped_features(view.outlet_table(ids, ["cnn", "japantimes", "wsws"]), CHART_FEATURES,
                                     view.outlet_names, "caption")
    assert again is first
    two = figures.grouped_features(view.outlet_table(ids, ["cnn", "wsws"]), CHART_FEATURES, view.outlet_names, "caption")
    assert two is not first and len(two.data) == 2 and len(first.data) == 3
    edited = table.assign(words=table["words"] + 1)
    assert figures.grouped_features(edited, CHART_FEATURES, view.outlet_names, "caption") is not first
