package dev.briefs.inference;

import dev.briefs.chunk.TokenCounter;
import dev.briefs.inference.onnx.CallMemory;
import java.util.List;

/**
 * A text generator that passes every call to another, so that a decorator (one that records,
 * times or fails calls) overrides only the calls it changes.
 */
public abstract class ForwardingTextGenerator implements TextGenerator {

    protected final TextGenerator delegate;

    protected ForwardingTextGenerator(TextGenerator delegate) {
        this.delegate = delegate;
    }

    @Override
    public Seq2SeqGenerator.Result generate(String text) {
        return delegate.generate(text);
    }

    @Override
    public Seq2SeqGenerator.Result generate(String text, String sourceLanguage, String targetLanguage) {
        return delegate.generate(text, sourceLanguage, targetLanguage);
    }

    @Override
    public List<Seq2SeqGenerator.Result> generateBatch(
            List<String> texts, String sourceLanguage, String targetLanguage, int padTo) {
        return delegate.generateBatch(texts, sourceLanguage, targetLanguage, padTo);
    }

    /**
     * Without words, the plain call, so that a subclass that wraps it (a test's faulty model) wraps this too. With
     * words, the delegate's: a subclass that stands between the job and the model must override this as well.
     */
    @Override
    public List<Seq2SeqGenerator.Result> generateBatch(
            List<String> texts,
            String sourceLanguage,
            String targetLanguage,
            int padTo,
            List<List<String>> forceWords) {
        if (forceWords.isEmpty()) {
            return generateBatch(texts, sourceLanguage, targetLanguage, padTo);
        }
        return delegate.generateBatch(texts, sourceLanguage, targetLanguage, padTo, forceWords);
    }

    @Override
    public ForcedWords forceable(List<List<String>> constraints) {
        return delegate.forceable(constraints);
    }

    @Override
    public int inputLength(String text, String sourceLanguage) {
        return delegate.inputLength(text, sourceLanguage);
    }

    @Override
    public boolean rowsIndependent() {
        return delegate.rowsIndependent();
    }

    @Override
    public boolean multilingual() {
        return delegate.multilingual();
    }

    @Override
    public void checkLanguages(String sourceLanguage, String targetLanguage) {
        delegate.checkLanguages(sourceLanguage, targetLanguage);
    }

    @Override
    public CallMemory callMemory() {
        return delegate.callMemory();
    }

    @Override
    public String settingsFingerprint() {
        return delegate.settingsFingerprint();
    }

    @Override
    public TokenCounter tokenCounter() {
        return delegate.tokenCounter();
    }

    @Override
    public int maxInputTokens() {
        return delegate.maxInputTokens();
    }
}
