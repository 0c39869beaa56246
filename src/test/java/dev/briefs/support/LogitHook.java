package dev.briefs.support;

import dev.briefs.generate.Seq2SeqModel;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A model whose every step's logits pass through a hook before the search sees them: to watch them
 * ({@link LogitScale}) or to move them ({@code NearTies}). The hook gets each decoding session's own
 * state from {@code perSession}, so sessions never share it.
 */
public final class LogitHook implements Seq2SeqModel {

    private final Seq2SeqModel model;
    private final Supplier<Consumer<float[][]>> perSession;

    public LogitHook(Seq2SeqModel model, Supplier<Consumer<float[][]>> perSession) {
        this.model = model;
        this.perSession = perSession;
    }

    @Override
    public DecoderSession startDecoding(long[][] inputIds, long[][] attentionMask, int expand) {
        DecoderSession session = model.startDecoding(inputIds, attentionMask, expand);
        Consumer<float[][]> hook = perSession.get();
        return new DecoderSession() {
            @Override
            public float[][] step(int[] tokens) {
                float[][] logits = session.step(tokens);
                hook.accept(logits);
                return logits;
            }

            @Override
            public void reorder(int[] sourceRows) {
                session.reorder(sourceRows);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
