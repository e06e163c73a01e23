from planwatch.intake.evaluate import evaluate_corpus


def test_the_corpus_meets_every_target(gazetteer):
    scores = evaluate_corpus(gazetteer)
    assert scores.documents >= 30
    assert scores.misses() == {}, "\n".join(scores.failures)
    assert scores.furniture_lines_left == 0
