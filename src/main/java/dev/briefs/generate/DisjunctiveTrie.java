package dev.briefs.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted forms of a disjunctive constraint as a trie of token ids, as transformers 4.46.3's
 * {@code DisjunctiveTrie}. A node's next tokens come in the order the forms first reached them (Python's
 * dict order), which decides the order of the candidates a beam is offered, so it is kept.
 */
final class DisjunctiveTrie {

    private static final class Node {
        final Map<Integer, Node> children = new LinkedHashMap<>();
    }

    private final Node root = new Node();
    private final int maxHeight;

    /**
     * @throws IllegalArgumentException when a form is a prefix of another, or repeats one, as transformers
     *     refuses (the trie would have fewer leaves than forms)
     */
    DisjunctiveTrie(List<int[]> forms) {
        int height = 0;
        for (int[] form : forms) {
            height = Math.max(height, form.length);
            Node level = root;
            for (int token : form) {
                level = level.children.computeIfAbsent(token, t -> new Node());
            }
        }
        this.maxHeight = height;
        if (leaves(root) != forms.size()) {
            throw new IllegalArgumentException(
                    "no accepted form of a disjunctive constraint may repeat another or begin another");
        }
    }

    private static int leaves(Node node) {
        if (node.children.isEmpty()) {
            return 1;
        }
        int n = 0;
        for (Node child : node.children.values()) {
            n += leaves(child);
        }
        return n;
    }

    /** The tokens that continue the prefix towards some form; empty at a form's end. */
    int[] nextTokens(List<Integer> prefix) {
        Node node = root;
        for (int token : prefix) {
            Node next = node.children.get(token);
            if (next == null) {
                throw new IllegalStateException("prefix " + prefix + " leaves the trie");
            }
            node = next;
        }
        return node.children.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the prefix is a whole form. */
    boolean reachedLeaf(List<Integer> prefix) {
        return nextTokens(prefix).length == 0;
    }

    /** The length of the longest form. */
    int maxHeight() {
        return maxHeight;
    }
}
