package dev.briefs.summarise;

import dev.briefs.batch.BatchedGeneration;
import dev.briefs.batch.ModelInputs;
import dev.briefs.chunk.Chunk;
import dev.briefs.chunk.ChunkFailure;
import dev.briefs.chunk.ChunkPacker;
import dev.briefs.chunk.ModelCallRetry;
import dev.briefs.chunk.SentenceSplitter;
import dev.briefs.failure.Degradation;
import dev.briefs.inference.TextGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * One article's way through map-reduce summarisation, round by round. The map summarises each
 * chunk; while more than one summary is left, the summaries are joined in order, split into
 * sentences, packed again into chunks that fit the model, and those are summarised: a reduce
 * round. The caller sends each round's inputs of all its articles together, so that they share
 * model calls, and gives the outputs back with {@link #take}.
 *
 * <p>What failed stays out of the later rounds and is recorded: a chunk whose call failed as a
 * failure of that chunk, a reduce call that failed as a failure naming the chunks whose content it
 * held. The rest goes on, so the brief says what it lacks rather than being lost whole.
 */
final class ArticleReduction {

    /**
     * Reduce rounds at most. A round that works at least halves the summaries when one takes at most
     * half a chunk (distilbart-cnn: 142 of 1024 tokens), so 10 rounds reduce over 1000 chunks, more
     * than the 400 sentences an article is read for; only a model that barely shrinks its input
     * comes near.
     */
    static final int MAX_ROUNDS = 10;

    /** A summary of this round and the article's chunks (from 0) whose content it holds. */
    private record Part(String text, int first, int last) {}

    /** A model input of this round and the article's chunks (from 0) whose content it holds. */
    record Input(Chunk chunk, int first, int last) {}

    private final Summariser.Request request;
    private final String modelName;
    private final TextGenerator generator;
    private final ChunkPacker packer;
    private final int budget;
    private final SentenceSplitter splitter;
    private final List<ChunkFailure> failures = new ArrayList<>();
    private final List<Degradation> degraded = new ArrayList<>();
    private List<Input> inputs = new ArrayList<>();
    private List<Part> parts = List.of();
    private int rounds;

    /** @param budget the most tokens of a model input, as the article's chunks were packed */
    ArticleReduction(
            Summariser.Request request,
            String modelName,
            TextGenerator generator,
            int budget,
            SentenceSplitter splitter) {
        this.request = request;
        this.modelName = modelName;
        this.generator = generator;
        this.budget = budget;
        this.packer = new ChunkPacker(generator.tokenCounter(), budget);
        this.splitter = splitter;
        for (Chunk chunk : request.chunks()) {
            inputs.add(new Input(chunk, chunk.index(), chunk.index()));
        }
        degraded.addAll(ModelInputs.cutSentences(request.chunks(), generator, modelName, request.language()));
    }

    String language() {
        return request.language();
    }

    /** The model inputs of the round to run, in order; empty once the summary is made or given up. */
    List<Input> inputs() {
        return inputs;
    }

    /** Takes the outputs of the round's inputs, in their order, and plans the next round if one is needed. */
    void take(List<BatchedGeneration.Output> outputs) {
        boolean map = rounds == 0;
        List<Part> next = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Input in = inputs.get(i);
            BatchedGeneration.Output out = outputs.get(i);
            if (!out.ok()) {
                failures.add(map ? ChunkFailure.of(in.chunk(), out.failure()) : reduceFailure(in, out.failure()));
            } else if (!out.text().isEmpty()) {
                next.add(new Part(out.text(), in.first(), in.last()));
            } else if (!map) {
                degraded.add(new Degradation(
                        Degradation.EMPTY_CHUNK_SUMMARY,
                        language(),
                        "in reduce round " + rounds
                                + ", the summary of chunks " + in.first() + " to " + in.last()
                                + " came back empty: their content is missing from the summary"));
            } else if (outputs.size() > 1) {
                degraded.add(new Degradation(
                        Degradation.EMPTY_CHUNK_SUMMARY,
                        language(),
                        "the summary of part " + (i + 1) + " of " + outputs.size()
                                + " came back empty: that part is missing from the summary"));
            }
        }
        parts = next;
        int sent = inputs.size();
        inputs = List.of();
        if (parts.size() <= 1) {
            return;
        }
        List<Input> packed = packParts();
        // Progress is in model inputs: a round must leave its summaries in fewer inputs than it took, or the
        // next would do the same again (a model that copies its input, summaries too long to share an input).
        // Counted so, the rounds always end; the cap ends them sooner when progress is slow.
        if (packed.size() >= sent) {
            stop((map ? "the chunk summaries" : "reduce round " + rounds) + " did not shrink: " + sent
                    + " model inputs gave summaries that take " + packed.size() + " inputs of at most " + budget
                    + " tokens again"
                    + (budget < generator.maxInputTokens()
                            ? " (a larger chunk.max-tokens lets more " + "of them share an input; " + modelName
                                    + " reads " + generator.maxInputTokens() + ")"
                            : ""));
            return;
        }
        if (rounds == MAX_ROUNDS) {
            stop("they were still that many after " + MAX_ROUNDS + " reduce rounds, the most the job runs");
            return;
        }
        rounds++;
        inputs = packed;
        degraded.addAll(
                ModelInputs.cutSentences(inputs.stream().map(Input::chunk).toList(), generator, modelName, language()));
    }

    /** The summary, once {@link #inputs} is empty. */
    Summary summary() {
        int chunks = request.chunks().size();
        SummaryPath path = SummaryPath.abstractive(chunks, rounds);
        if (parts.isEmpty()) {
            return new Summary(
                    null,
                    modelName,
                    Math.max(1, chunks),
                    failures.isEmpty()
                            ? List.of(new ChunkFailure(0, "EmptySummary", "the model produced an empty summary", 1))
                            : failures,
                    List.of(),
                    path);
        }
        String joined = String.join(" ", parts.stream().map(Part::text).toList());
        if (WordLimit.cutsASentence(joined, splitter, request.maxWords())) {
            degraded.add(WordLimit.cut(language(), request.maxWords()));
        }
        return new Summary(
                WordLimit.fit(joined, splitter, request.maxWords()), modelName, chunks, failures, degraded, path);
    }

    private void stop(String why) {
        degraded.add(new Degradation(
                Degradation.REDUCE_STOPPED,
                language(),
                "its " + parts.size()
                        + " summaries were not summarised into one, as " + why + "; the brief is the beginning of them "
                        + "joined, so the later parts of the article may be missing"));
    }

    /** The parts' sentences, in order, packed into chunks that fit the model; each knows which of the article's chunks it holds. */
    private List<Input> packParts() {
        List<String> sentences = new ArrayList<>();
        List<Part> owners = new ArrayList<>();
        // Each part is split on its own: a summary that ends without a full stop still ends a sentence.
        for (Part part : parts) {
            for (String sentence : splitter.split(part.text())) {
                sentences.add(sentence);
                owners.add(part);
            }
        }
        List<Input> packed = new ArrayList<>();
        int next = 0;
        for (Chunk chunk : packer.pack(sentences)) {
            Part first = owners.get(next);
            next += chunk.sentences().size();
            packed.add(new Input(chunk, first.first(), owners.get(next - 1).last()));
        }
        return packed;
    }

    private ChunkFailure reduceFailure(Input in, ModelCallRetry.Exhausted e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        // Indexed by the first chunk it held: that chunk's own call succeeded, and after this its content is gone,
        // so no other failure of the article can have the same index.
        return new ChunkFailure(
                in.first(),
                cause.getClass().getSimpleName(),
                "reduce round " + rounds
                        + " over the summaries of chunks " + in.first() + " to " + in.last() + " failed: "
                        + e.getMessage()
                        + "; their content is missing from the summary",
                e.attempts());
    }
}
