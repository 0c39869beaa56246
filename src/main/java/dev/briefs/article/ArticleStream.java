package dev.briefs.article;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * The articles of one input file, one at a time. A JSON Lines file is read line by line as the
 * stream is consumed, so a day's feed of any size takes the memory of one line; every other
 * format is one article. Close it when done.
 */
public interface ArticleStream extends Iterator<ArticleInput>, Closeable {

    @Override
    void close();

    static ArticleStream of(List<ArticleInput> inputs) {
        Iterator<ArticleInput> it = inputs.iterator();
        return new ArticleStream() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ArticleInput next() {
                return it.next();
            }

            @Override
            public void close() {}
        };
    }
}
