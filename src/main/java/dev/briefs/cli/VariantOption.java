package dev.briefs.cli;

import dev.briefs.job.JobSettings;
import dev.briefs.optimum.Variant;
import picocli.CommandLine.Option;

/**
 * {@code --variant} of the commands that run a day's job. Every command that loads models follows
 * one rule: {@code --variant} if given, else the job file's {@code models.variant} where the command
 * reads a job file, else {@link Variant#DEFAULT}; never whichever graphs a model folder happens to hold.
 */
final class VariantOption {

    @Option(names = "--variant", paramLabel = "fp32|quantized",
            description = "Which ONNX graphs of the models to load: fp32 or quantized (default: the job file's "
                    + "models.variant, else fp32).")
    String value;

    /** The settings with the variant asked for; as they are when none was. */
    JobSettings applyTo(JobSettings settings) {
        if (value == null) {
            return settings;
        }
        Variant v = Variant.parse(value);
        if (settings.kafka() != null && v != settings.variant()) {
            // Workers read the job file, not this command line: they would load other graphs than the manager.
            throw new UsageException("--variant " + v.id() + " does not reach the workers, which load the job file's "
                    + settings.variant().id() + " graphs: set models.variant in " + settings.jobFile() + " instead");
        }
        return settings.withVariant(v);
    }

    /** A command's {@code --variant} value, or {@link Variant#DEFAULT} when not given (commands that read no job file). */
    static Variant orDefault(String value) {
        return value == null ? Variant.DEFAULT : Variant.parse(value);
    }
}
