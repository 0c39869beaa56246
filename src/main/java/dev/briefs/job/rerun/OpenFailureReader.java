package dev.briefs.job.rerun;

import dev.briefs.brief.Failure;
import dev.briefs.ledger.FailureLedger;
import dev.briefs.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The date's open ledger entries, one item per article. It keeps no position: what a rerun has
 * done is resolved in the ledger, so a restarted rerun simply reads what is still open.
 * (Not final: the step scope proxies it.)
 */
class OpenFailureReader implements ItemReader<RerunItem> {

    private final FailureLedger ledger;
    private final String date;
    private Iterator<RerunItem> items;

    OpenFailureReader(FailureLedger ledger, String date) {
        this.ledger = ledger;
        this.date = date;
    }

    @Override
    public synchronized RerunItem read() {
        if (items == null) {
            items = load().iterator();
        }
        return items.hasNext() ? items.next() : null;
    }

    private List<RerunItem> load() {
        Map<String, List<LedgerEntry>> byArticle = new LinkedHashMap<>();
        for (LedgerEntry e : ledger.open(date)) {
            byArticle.computeIfAbsent(e.articleId(), id -> new ArrayList<>()).add(e);
        }
        List<RerunItem> result = new ArrayList<>();
        byArticle.forEach((id, entries) -> {
            TreeSet<String> stages = new TreeSet<>();
            TreeSet<String> languages = new TreeSet<>();
            for (LedgerEntry e : entries) {
                stages.add(e.stage());
                // A round trip is made again with its translation, which the output cache gives back unchanged.
                if ((Failure.TRANSLATE.equals(e.stage()) || Failure.CHECK.equals(e.stage())) && e.language() != null) {
                    languages.add(e.language());
                }
            }
            result.add(new RerunItem(id, entries.get(0).sourceFile(), stages, languages));
        });
        return result;
    }
}
