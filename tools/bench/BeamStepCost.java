// The CPU time of a beam step's own work, before and after the exact kernels were made cheaper:
// the log-softmax of every beam row (opus-mt's 61,587 logits) and each input's top-k over its
// beams, as the search ran them before (scalar SLEEF exp, a flattened num_beams * vocab copy per
// input) and as it runs them now, one thread, thread CPU time (less disturbed by other processes'
// load than wall time). Random logits; the two give the same bits (ExpSumsTest, TorchTopKTest).
//
//   ./mvnw -B -q -o compile && mkdir -p /tmp/beam-step \
//     && javac -cp target/classes -d /tmp/beam-step tools/bench/BeamStepCost.java \
//     && java -cp target/classes:/tmp/beam-step dev.briefs.generate.BeamStepCost 8
package dev.briefs.generate;
import java.lang.management.ManagementFactory;
public class BeamStepCost {
    static long cpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }
    static void oldLogSoftmax(float[] row) {
        float max = Float.NEGATIVE_INFINITY; for (float v : row) if (v > max) max = v;
        float lse = TorchLogSoftmax.sleefLogf(TorchLogSoftmax.sumExpReference(row, max));
        for (int i = 0; i < row.length; i++) row[i] = (row[i] - max) - lse;
    }
    static int[] oldTopK(float[][] scores, float[] bsc, int first, int nb, int vocab, int k) {
        float[] flat = new float[nb * vocab];
        for (int b = 0; b < nb; b++) { float[] r = scores[first + b]; float bs = bsc[first + b]; for (int t = 0; t < vocab; t++) flat[b * vocab + t] = r[t] + bs; }
        return TorchTopK.topK(flat, k);
    }
    public static void main(String[] a) {
        int batch = Integer.parseInt(a[0]), nb = 4, vocab = 61587, rows = batch * nb;
        java.util.Random r = new java.util.Random(1);
        float[][] logits = new float[rows][vocab];
        for (float[] row : logits) for (int t = 0; t < vocab; t++) row[t] = (float) r.nextGaussian() * 3f;
        float[] bsc = new float[rows]; for (int i = 0; i < rows; i++) bsc[i] = -(float) r.nextDouble() * 10;
        float[][] work = new float[rows][];
        long sink = 0;
        for (int rep = 0; rep < 6; rep++) {
            long t0 = cpu();
            for (int i = 0; i < rows; i++) { work[i] = logits[i].clone(); oldLogSoftmax(work[i]); }
            long t1 = cpu();
            for (int b = 0; b < batch; b++) sink += oldTopK(work, bsc, b * nb, nb, vocab, 2 * nb)[0];
            long t2 = cpu();
            for (int i = 0; i < rows; i++) { work[i] = logits[i].clone(); TorchLogSoftmax.inPlace(work[i]); }
            long t3 = cpu();
            for (int b = 0; b < batch; b++) sink += BeamSearch.topK(work, bsc, b * nb, nb, vocab, 2 * nb)[0];
            long t4 = cpu();
            System.out.printf("batch %d, 4 beams, one step, ms of CPU: before log-softmax %.1f top-k %.1f | after log-softmax %.1f top-k %.1f%n",
                batch, (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, (t4-t3)/1e6);
        }
        System.out.println(sink);
    }
}
