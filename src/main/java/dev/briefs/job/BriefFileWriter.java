package dev.briefs.job;

import dev.briefs.brief.Brief;
import dev.briefs.brief.BriefFiles;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes each brief's {@code ID.json} and {@code ID.md}, atomically; rewriting one is harmless. */
final class BriefFileWriter implements ItemWriter<Brief> {

    private final Path outputDir;
    private final RunProgress progress;

    BriefFileWriter(Path outputDir, RunProgress progress) {
        this.outputDir = outputDir;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends Brief> briefs) throws Exception {
        for (Brief brief : briefs) {
            BriefFiles.write(outputDir, brief);
            progress.written(brief);
        }
    }
}
