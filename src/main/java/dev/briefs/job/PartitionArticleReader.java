package dev.briefs.job;

import dev.briefs.article.ArticleFileReader;
import dev.briefs.article.ArticleInput;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the articles of one partition's files in order. Its position (file, and article within
 * the file) is saved with every committed chunk, so a restarted run resumes after the last
 * article whose brief was written. (Not final: the step scope proxies it.)
 */
class PartitionArticleReader implements ItemStreamReader<ArticleInput> {

    private static final String FILE_INDEX = "reader.file";
    private static final String ITEM_INDEX = "reader.item";

    private final Path inputDir;
    private final List<String> files;
    private final ArticleFileReader reader;
    private int fileIndex;
    private int itemIndex;
    private List<ArticleInput> current;

    PartitionArticleReader(Path inputDir, List<String> files, ArticleFileReader reader) {
        this.inputDir = inputDir;
        this.files = List.copyOf(files);
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.getInt(FILE_INDEX, 0);
        itemIndex = context.getInt(ITEM_INDEX, 0);
    }

    @Override
    public ArticleInput read() {
        while (fileIndex < files.size()) {
            if (current == null) {
                current = reader.read(inputDir, files.get(fileIndex));
            }
            if (itemIndex < current.size()) {
                return current.get(itemIndex++);
            }
            fileIndex++;
            itemIndex = 0;
            current = null;
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putInt(ITEM_INDEX, itemIndex);
    }
}
