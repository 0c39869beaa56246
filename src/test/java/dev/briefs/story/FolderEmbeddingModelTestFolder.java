package dev.briefs.story;

import java.nio.file.Path;

/** Where tools/fixtures/make_tiny_embedding.py puts the tiny multilingual embedding model. */
final class FolderEmbeddingModelTestFolder {

    static final Path TINY = Path.of("src/test/resources/models/tiny-multilingual-embedding");

    private FolderEmbeddingModelTestFolder() {}
}
