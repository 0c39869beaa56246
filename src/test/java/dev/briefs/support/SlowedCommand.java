package dev.briefs.support;

import dev.briefs.cli.BriefsMain;
import dev.briefs.inference.ModelDecorator;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;

/**
 * A child JVM for the tests that signal a running command: the real command line ({@link BriefsMain}, exit
 * status and all), with each model call announced on standard output ({@code MODEL_CALL n}) and slowed, so
 * that a signal lands while a chunk is being briefed and the run still has chunks to go.
 *
 * <p>Arguments: MS COMMAND..., where MS is how many milliseconds each model call takes longer.
 */
public final class SlowedCommand {

    private SlowedCommand() {}

    public static void main(String[] args) {
        long slow = Long.parseLong(args[0]);
        AtomicInteger calls = new AtomicInteger();
        ModelDecorator slowed = InterceptedModels.before((name, text) -> {
            System.out.println("MODEL_CALL " + calls.incrementAndGet());
            System.out.flush();
            try {
                Thread.sleep(slow);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // The command starts its Spring contexts itself: the hook adds the decorator to each of them.
        int exit = SpringApplication.withHook(
                InterceptedModels.into(slowed), () -> BriefsMain.execute(Arrays.copyOfRange(args, 1, args.length)));
        System.exit(exit);
    }
}
