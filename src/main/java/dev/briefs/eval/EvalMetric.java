package dev.briefs.eval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The metrics of {@code briefs eval}, by their names on the command line. */
public enum EvalMetric {
    BLEU("bleu"),
    CHRF("chrf"),
    CHRF_PLUS_PLUS("chrf++"),
    ROUGE1("rouge1"),
    ROUGE2("rouge2"),
    ROUGE_L("rougeL");

    /** The Python packages whose scores these reproduce, as the fixtures recorded them (EvalFixtureTest checks). */
    public static final String SACREBLEU_VERSION = "2.6.0";

    public static final String ROUGE_SCORE_VERSION = "0.1.2";

    private final String optionName;

    EvalMetric(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    public boolean isRouge() {
        return this == ROUGE1 || this == ROUGE2 || this == ROUGE_L;
    }

    /** The metric named so (case does not matter), or null. */
    public static EvalMetric named(String name) {
        for (EvalMetric m : values()) {
            if (m.optionName.equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        return null;
    }

    /** "bleu, chrf, chrf++, rouge1, rouge2 or rougeL", for messages. */
    public static String validNames() {
        List<String> names = Arrays.stream(values()).map(EvalMetric::optionName).toList();
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + names.get(names.size() - 1);
    }

    /** Scores the hypotheses against the references, one of each a line; rougeTokenizer matters only to ROUGE. */
    public EvalScore score(List<String> hypotheses, List<String> references, RougeTokenizer rougeTokenizer) {
        String sacrebleu = "sacrebleu " + SACREBLEU_VERSION;
        return switch (this) {
            case BLEU -> {
                BleuScore b = CorpusBleu.score(hypotheses, references);
                yield new EvalScore(this, "BLEU", b.score(), b.verbose(), CorpusBleu.SIGNATURE, sacrebleu, b, null);
            }
            case CHRF, CHRF_PLUS_PLUS -> {
                CorpusChrf chrf = this == CHRF ? CorpusChrf.chrf() : CorpusChrf.chrfPlusPlus();
                double s = chrf.score(hypotheses, references);
                yield new EvalScore(this, chrf.name(), s, "", chrf.signature(), sacrebleu, null, null);
            }
            case ROUGE1, ROUGE2, ROUGE_L -> {
                Rouge rouge =
                        this == ROUGE_L ? Rouge.lcs(rougeTokenizer) : Rouge.n(this == ROUGE1 ? 1 : 2, rougeTokenizer);
                RougeScore r = rouge.score(hypotheses, references);
                String as = rougeTokenizer == RougeTokenizer.ROUGE_SCORE
                        ? "rouge-score " + ROUGE_SCORE_VERSION
                        : "rouge-score " + ROUGE_SCORE_VERSION
                                + " but with the unicode tokenizer, which is not rouge-score's";
                yield new EvalScore(
                        this,
                        rouge.name(),
                        r.mean(),
                        "(mean F-measure of " + hypotheses.size() + " lines)",
                        rouge.signature(),
                        as,
                        null,
                        r);
            }
        };
    }
}
