package dev.briefs.cache;

import dev.briefs.inference.ForwardingTextGenerator;
import dev.briefs.inference.ModelDecorator;
import dev.briefs.inference.Seq2SeqGenerator;
import dev.briefs.inference.TextGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model whose outputs are kept in an {@link OutputCache}. An output's key is a SHA-256 of all
 * that decides it: the model's name, its files (the install manifest, which names the hub commit
 * and every file's hash), its settings ({@link TextGenerator#settingsFingerprint}: graphs, session,
 * generation settings), the languages, the padded length it ran at, and the input text. A new
 * revision or setting gives new keys, so a stale output is never returned. A model whose files or
 * settings cannot be told (a folder placed by hand) is not cached. Words forced into an output (the house style's)
 * are part of its key, so a changed style file makes again exactly the outputs whose forced words it changes.
 *
 * <p>Within one call, inputs with the same key run once.
 */
public final class CachingTextGenerator extends ForwardingTextGenerator {

    /** The padded length of a call that is not padded (one input, alone). */
    private static final int UNPADDED = -1;

    private final String name;
    private final String modelFingerprint;
    private final OutputCache cache;

    private CachingTextGenerator(String name, String modelFingerprint, TextGenerator model, OutputCache cache) {
        super(model);
        this.name = name;
        this.modelFingerprint = modelFingerprint;
        this.cache = cache;
    }

    /**
     * @param filesFingerprint a fingerprint of the model's files, null when there is none (then the
     *                         model is returned as it is)
     */
    public static TextGenerator wrap(String name, String filesFingerprint, TextGenerator model, OutputCache cache) {
        String settings = model.settingsFingerprint();
        if (!cache.enabled() || filesFingerprint == null || settings == null) {
            return model;
        }
        return new CachingTextGenerator(name, name + "\u0000" + filesFingerprint + "\u0000" + settings, model, cache);
    }

    /**
     * Wraps every model a {@link dev.briefs.inference.GenerationModels} loads: outermost, so that an output the
     * cache has is not asked of the model, nor of what {@code inner} wraps around it (a test's wrapper).
     *
     * @param filesFingerprint a model's name to the fingerprint of its files, null when it has none
     */
    public static ModelDecorator decorator(
            Function<String, String> filesFingerprint, ModelDecorator inner, OutputCache cache) {
        return (name, model) -> wrap(name, filesFingerprint.apply(name), inner.decorate(name, model), cache);
    }

    @Override
    public Seq2SeqGenerator.Result generate(String text) {
        return cached(List.of(text), null, null, UNPADDED, List.of()).get(0);
    }

    @Override
    public Seq2SeqGenerator.Result generate(String text, String sourceLanguage, String targetLanguage) {
        return cached(List.of(text), sourceLanguage, targetLanguage, UNPADDED, List.of())
                .get(0);
    }

    @Override
    public List<Seq2SeqGenerator.Result> generateBatch(
            List<String> texts, String sourceLanguage, String targetLanguage, int padTo) {
        return cached(texts, sourceLanguage, targetLanguage, padTo, List.of());
    }

    @Override
    public List<Seq2SeqGenerator.Result> generateBatch(
            List<String> texts,
            String sourceLanguage,
            String targetLanguage,
            int padTo,
            List<List<String>> forceWords) {
        return cached(texts, sourceLanguage, targetLanguage, padTo, forceWords);
    }

    private List<Seq2SeqGenerator.Result> cached(
            List<String> texts, String from, String to, int padTo, List<List<String>> forceWords) {
        List<String> keys =
                texts.stream().map(t -> key(t, from, to, padTo, forceWords)).toList();
        Map<String, String> unique = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            unique.putIfAbsent(keys.get(i), texts.get(i));
        }
        Map<String, CachedOutput> found = new LinkedHashMap<>(cache.lookup(unique.keySet()));
        List<String> missingKeys = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        unique.forEach((key, text) -> {
            if (!found.containsKey(key)) {
                missingKeys.add(key);
                missingTexts.add(text);
            }
        });
        if (!missingTexts.isEmpty()) {
            List<Seq2SeqGenerator.Result> made = run(missingTexts, from, to, padTo, forceWords);
            for (int i = 0; i < made.size(); i++) {
                Seq2SeqGenerator.Result r = made.get(i);
                CachedOutput output = new CachedOutput(r.text(), r.inputIds(), r.outputIds(), r.meanLogProb());
                cache.store(missingKeys.get(i), name, output);
                found.put(missingKeys.get(i), output);
            }
        }
        List<Seq2SeqGenerator.Result> results = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            CachedOutput output = found.get(keys.get(i));
            results.add(new Seq2SeqGenerator.Result(
                    texts.get(i), output.inputIds(), output.outputIds(), output.text(), output.meanLogProb()));
        }
        return results;
    }

    private List<Seq2SeqGenerator.Result> run(
            List<String> texts, String from, String to, int padTo, List<List<String>> forceWords) {
        if (!forceWords.isEmpty()) {
            return delegate.generateBatch(texts, from, to, padTo, forceWords);
        }
        if (padTo != UNPADDED) {
            return delegate.generateBatch(texts, from, to, padTo);
        }
        String text = texts.get(0);
        return List.of(from == null ? delegate.generate(text) : delegate.generate(text, from, to));
    }

    private String key(String text, String from, String to, int padTo, List<List<String>> forceWords) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {
                modelFingerprint, String.valueOf(from), String.valueOf(to), Integer.toString(padTo), text
            }) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            // Only when there are some, so the keys of outputs made without a style stay what they were.
            for (List<String> forms : forceWords) {
                sha.update((byte) 1);
                for (String form : forms) {
                    sha.update(form.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
