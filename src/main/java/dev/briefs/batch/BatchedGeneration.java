package dev.briefs.batch;

import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.failure.ExpectedFailures;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the model work of many articles in batches (see {@link BatchPlan}) and gives each input its
 * own outcome. A batch that fails is split in halves, and the halves run again, until the input
 * that fails is alone; a lone input is retried as any model call is ({@link ModelCallRetry}), so
 * one bad chunk fails alone and the rest of its batch still gets its results.
 */
public final class BatchedGeneration {

    /**
     * One model input: a chunk of text, for multilingual models its languages, and the words its output must contain
     * (the house style's, one list of accepted forms per constraint; see {@link TextGenerator#forceable}).
     */
    public record Input(String text, String sourceLanguage, String targetLanguage, List<List<String>> forceWords) {

        public Input {
            forceWords = forceWords.stream().map(List::copyOf).toList();
        }

        /** An input with no words to force. */
        public Input(String text, String sourceLanguage, String targetLanguage) {
            this(text, sourceLanguage, targetLanguage, List.of());
        }
    }

    /**
     * An input's generated text, stripped, with the model's mean log-probability per generated token
     * (NaN when unknown) and the number of generated tokens; or the failure that ended its call.
     */
    public record Output(String text, double meanLogProb, int generatedTokens, ModelCallRetry.Exhausted failure) {

        static Output of(Seq2SeqGenerator.Result result) {
            return new Output(result.text().strip(), result.meanLogProb(), result.generatedTokens(), null);
        }

        static Output failed(ModelCallRetry.Exhausted failure) {
            return new Output(null, Double.NaN, 0, failure);
        }

        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * The mean log-probability per generated token over several outputs together (the chunks of one
     * text): each output's mean weighted by its generated tokens, i.e. all their tokens' scores
     * summed over all their tokens. Failed outputs do not count; NaN when none succeeded or one
     * that did has no mean.
     */
    public static double meanLogProb(List<Output> outputs) {
        double sum = 0;
        long tokens = 0;
        for (Output o : outputs) {
            if (!o.ok()) {
                continue;
            }
            if (Double.isNaN(o.meanLogProb())) {
                return Double.NaN;
            }
            sum += o.meanLogProb() * o.generatedTokens();
            tokens += o.generatedTokens();
        }
        return tokens == 0 ? Double.NaN : sum / tokens;
    }

    private final BatchSettings settings;
    private final ModelCallRetry retry;

    public BatchedGeneration(BatchSettings settings, ModelCallRetry retry) {
        this.settings = settings;
        this.retry = retry;
    }

    /** Outputs in the order of the inputs. */
    public List<Output> run(TextGenerator model, List<Input> inputs) {
        Output[] outputs = new Output[inputs.size()];
        if (inputs.isEmpty()) {
            return List.of();
        }
        int[] lengths = new int[inputs.size()];
        String[] groups = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            lengths[i] = model.inputLength(in.text(), in.sourceLanguage());
            // Forced words are a setting of the whole call, so only inputs with the same ones may share it.
            groups[i] = in.sourceLanguage() + "-" + in.targetLanguage()
                    + (in.forceWords().isEmpty() ? "" : "\u0000" + in.forceWords());
        }
        for (BatchPlan.Batch batch :
                BatchPlan.plan(lengths, groups, settings, model.rowsIndependent(), model.callMemory())) {
            runSplitting(model, inputs, batch.inputs(), batch.padTo(), outputs);
        }
        return Arrays.asList(outputs);
    }

    private void runSplitting(
            TextGenerator model, List<Input> inputs, List<Integer> batch, int padTo, Output[] outputs) {
        Input first = inputs.get(batch.get(0));
        if (batch.size() == 1) {
            try {
                outputs[batch.get(0)] =
                        retry.call(() -> call(model, List.of(first), padTo).get(0));
            } catch (ModelCallRetry.Exhausted e) {
                outputs[batch.get(0)] = Output.failed(e);
            }
            return;
        }
        List<Input> rows = new ArrayList<>();
        batch.forEach(i -> rows.add(inputs.get(i)));
        List<Output> made;
        try {
            made = call(model, rows, padTo);
        } catch (RuntimeException e) {
            if (!ExpectedFailures.perArticle(e)) {
                throw e; // a fault of the code or the machine, not of one input: splitting would hide it
            }
            // Which input failed is unknown: halve until it is alone. Each half's result is what it
            // would have been in the full batch, since no row depends on another.
            int half = batch.size() / 2;
            runSplitting(model, inputs, batch.subList(0, half), padTo, outputs);
            runSplitting(model, inputs, batch.subList(half, batch.size()), padTo, outputs);
            return;
        }
        for (int k = 0; k < batch.size(); k++) {
            outputs[batch.get(k)] = made.get(k);
        }
    }

    private static List<Output> call(TextGenerator model, List<Input> rows, int padTo) {
        Input first = rows.get(0);
        List<String> texts = new ArrayList<>();
        for (Input in : rows) {
            texts.add(in.text());
        }
        List<Seq2SeqGenerator.Result> results =
                model.generateBatch(texts, first.sourceLanguage(), first.targetLanguage(), padTo, first.forceWords());
        if (results.size() != rows.size()) {
            throw new IllegalStateException(
                    "model returned " + results.size() + " results for " + rows.size() + " inputs");
        }
        return results.stream().map(Output::of).toList();
    }
}
