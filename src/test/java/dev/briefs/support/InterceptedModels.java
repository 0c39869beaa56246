package dev.briefs.support;

import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/** A model decorator that lets a test act before each real model call: fail it, or stop the process there. */
public final class InterceptedModels {

    private InterceptedModels() {}

    /**
     * A hook for {@link org.springframework.boot.SpringApplication#withHook}: the decorator is added to each
     * Spring context the command line starts while the hook is in place, so that a test drives the real command.
     */
    public static SpringApplicationHook into(ModelDecorator decorator) {
        return application -> new SpringApplicationRunListener() {
            @Override
            public void contextPrepared(ConfigurableApplicationContext context) {
                context.getBeanFactory().registerSingleton("modelDecorator", decorator);
            }
        };
    }

    /** @param hook called with the model's name and the input text; it may throw, or never return */
    public static ModelDecorator before(BiConsumer<String, String> hook) {
        return (name, real) -> new ForwardingTextGenerator(real) {
            @Override
            public Seq2SeqGenerator.Result generate(String text) {
                hook.accept(name, text);
                return delegate.generate(text);
            }

            @Override
            public Seq2SeqGenerator.Result generate(String text, String sourceLanguage, String targetLanguage) {
                hook.accept(name, text);
                return delegate.generate(text, sourceLanguage, targetLanguage);
            }

            /** A batch is one model call: the hook sees each of its inputs, and may fail the whole call. */
            @Override
            public List<Seq2SeqGenerator.Result> generateBatch(
                    List<String> texts, String sourceLanguage, String targetLanguage, int padTo) {
                texts.forEach(text -> hook.accept(name, text));
                return delegate.generateBatch(texts, sourceLanguage, targetLanguage, padTo);
            }

            /** A call with forced words (a house style) is a model call too. */
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
                texts.forEach(text -> hook.accept(name, text));
                return delegate.generateBatch(texts, sourceLanguage, targetLanguage, padTo, forceWords);
            }
        };
    }
}
