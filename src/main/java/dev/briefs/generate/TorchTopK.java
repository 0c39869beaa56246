package dev.briefs.generate;

/**
 * {@code torch.topk(x, k, largest=True, sorted=True)} on CPU for a float32 vector, returning the
 * indices in exactly the order torch returns them, ties included.
 *
 * <p>torch 2.5.1 ({@code aten/src/ATen/native/TopKImpl.h}, {@code topk_impl_loop}) copies the row
 * into a vector of (value, index) pairs and then, with the comparator "x is NaN and y is not, or
 * x.value > y.value":
 *
 * <ul>
 *   <li>if {@code k * 64 <= n}: {@code std::partial_sort(begin, begin + k, end)};
 *   <li>otherwise {@code std::nth_element(begin, begin + k - 1, end)} followed by {@code
 *       std::sort(begin, begin + k - 1)} (the k-th element is left where nth_element put it).
 * </ul>
 *
 * Neither algorithm is stable, so equal values come out in whatever order the algorithms' swaps
 * leave them. The order is that of GNU libstdc++ ({@code bits/stl_algo.h}, {@code
 * bits/stl_heap.h}; the PyPI wheels of torch 2.5.1 are built with GCC 9.3, per {@code
 * torch.__config__.show()}), reproduced here step by step: heap select and heap sort for
 * partial_sort, introselect for nth_element, and introsort with a final insertion sort (threshold
 * 16) for sort. Indices only ever travel with their values, as in the pair vector. A wheel built
 * against another C++ library (MSVC's, libc++) would order ties differently.
 */
final class TorchTopK {

    private static final int S_THRESHOLD = 16;

    private final float[] v;
    private final int[] ix;

    private TorchTopK(float[] values) {
        this.v = values.clone();
        this.ix = new int[values.length];
        for (int i = 0; i < ix.length; i++) {
            ix[i] = i;
        }
    }

    private TorchTopK(int k) {
        this.v = new float[k];
        this.ix = new int[k];
    }

    /** Indices of the {@code k} largest values in torch's order (NaN counts as largest). */
    static int[] topK(float[] values, int k) {
        int n = values.length;
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k " + k + " out of range for " + n + " values");
        }
        int[] out = new int[k];
        if (k == 0) {
            return out;
        }
        TorchTopK q = new TorchTopK(values);
        // long: torch computes k * 64 in int64
        if ((long) k * 64 <= n) {
            q.partialSort(0, k, n);
        } else {
            q.nthElement(0, k - 1, n);
            q.sort(0, k - 1);
        }
        System.arraycopy(q.ix, 0, out, 0, k);
        return out;
    }

    /**
     * The indices of {@code torch.sort(values, descending=True)} on CPU (not stable, the default), ties
     * included: torch 2.5.1 ({@code aten/src/ATen/native/cpu/SortingKernel.cpp}) sorts the (value, index)
     * pairs with {@code std::sort} and the comparator above (NaN first), which is the introsort below,
     * unstable once there are more than 16 values. Constrained beam search ranks its candidates with it.
     */
    static int[] sortDescending(float[] values) {
        TorchTopK q = new TorchTopK(values);
        q.sort(0, values.length);
        return q.ix;
    }

    /**
     * {@link #topK} over the flattened sums {@code rows[firstRow + b][t] + add[firstRow + b]} (index
     * {@code b * vocab + t}, b below nb), each sum rounded in float32 as the flattened array would
     * hold it, without building that array where torch takes the partial_sort path: there
     * std::__heap_select heaps the first k pairs and lets a later pair in only when it is greater
     * than the heap's top, so streaming the sums through the same heap moves exactly the pairs the
     * array version moves, in the same order. Ties and NaN are as in {@link #topK}.
     */
    static int[] topKOfSums(float[][] rows, float[] add, int firstRow, int nb, int k) {
        int vocab = rows[firstRow].length;
        long n = (long) nb * vocab;
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k " + k + " out of range for " + n + " values");
        }
        if (k == 0) {
            return new int[0];
        }
        if ((long) k * 64 > n) {
            // nth_element partitions the whole array: build it
            float[] flat = new float[(int) n];
            for (int b = 0; b < nb; b++) {
                float[] row = rows[firstRow + b];
                float bs = add[firstRow + b];
                for (int t = 0; t < vocab; t++) {
                    flat[b * vocab + t] = row[t] + bs;
                }
            }
            return topK(flat, k);
        }
        TorchTopK q = new TorchTopK(k);
        for (int i = 0; i < k; i++) {
            q.v[i] = rows[firstRow + i / vocab][i % vocab] + add[firstRow + i / vocab];
            q.ix[i] = i;
        }
        q.makeHeap(0, k);
        float top = q.v[0];
        boolean topIsNaN = Float.isNaN(top);
        for (int b = k / vocab; b < nb; b++) {
            float[] row = rows[firstRow + b];
            float bs = add[firstRow + b];
            for (int t = b == k / vocab ? k % vocab : 0; t < vocab; t++) {
                float s = row[t] + bs;
                if (s > top || (Float.isNaN(s) && !topIsNaN)) { // greater(s, top): heapSelect's popHeap
                    q.adjustHeap(0, 0, k, s, b * vocab + t);
                    top = q.v[0];
                    topIsNaN = Float.isNaN(top);
                }
            }
        }
        q.sortHeap(0, k);
        return q.ix;
    }

    // ---- comparator and element moves ----

    private static boolean greater(float x, float y) {
        return (Float.isNaN(x) && !Float.isNaN(y)) || x > y;
    }

    private boolean comp(int a, int b) {
        return greater(v[a], v[b]);
    }

    private void swap(int a, int b) {
        float tv = v[a];
        v[a] = v[b];
        v[b] = tv;
        int ti = ix[a];
        ix[a] = ix[b];
        ix[b] = ti;
    }

    private void move(int to, int from) {
        v[to] = v[from];
        ix[to] = ix[from];
    }

    private static int lg(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    // ---- heap (stl_heap.h) ----

    /** std::__push_heap: the held value (hv, hi) bubbles up from holeIndex to at most topIndex. */
    private void pushHeap(int first, int holeIndex, int topIndex, float hv, int hi) {
        int parent = (holeIndex - 1) / 2;
        while (holeIndex > topIndex && greater(v[first + parent], hv)) {
            move(first + holeIndex, first + parent);
            holeIndex = parent;
            parent = (holeIndex - 1) / 2;
        }
        v[first + holeIndex] = hv;
        ix[first + holeIndex] = hi;
    }

    /** std::__adjust_heap: moves the hole down to a leaf along the larger children, then pushes. */
    private void adjustHeap(int first, int holeIndex, int len, float hv, int hi) {
        int topIndex = holeIndex;
        int secondChild = holeIndex;
        while (secondChild < (len - 1) / 2) {
            secondChild = 2 * (secondChild + 1);
            if (comp(first + secondChild, first + secondChild - 1)) {
                secondChild--;
            }
            move(first + holeIndex, first + secondChild);
            holeIndex = secondChild;
        }
        if ((len & 1) == 0 && secondChild == (len - 2) / 2) {
            secondChild = 2 * (secondChild + 1);
            move(first + holeIndex, first + secondChild - 1);
            holeIndex = secondChild - 1;
        }
        pushHeap(first, holeIndex, topIndex, hv, hi);
    }

    /** std::__make_heap. */
    private void makeHeap(int first, int last) {
        int len = last - first;
        if (len < 2) {
            return;
        }
        int parent = (len - 2) / 2;
        while (true) {
            adjustHeap(first, parent, len, v[first + parent], ix[first + parent]);
            if (parent == 0) {
                return;
            }
            parent--;
        }
    }

    /** std::__pop_heap(first, last, result): the top goes to result, result's value re-enters. */
    private void popHeap(int first, int last, int result) {
        float hv = v[result];
        int hi = ix[result];
        move(result, first);
        adjustHeap(first, 0, last - first, hv, hi);
    }

    /** std::__heap_select. */
    private void heapSelect(int first, int middle, int last) {
        makeHeap(first, middle);
        for (int i = middle; i < last; i++) {
            if (comp(i, first)) {
                popHeap(first, middle, i);
            }
        }
    }

    /** std::__sort_heap. */
    private void sortHeap(int first, int last) {
        while (last - first > 1) {
            last--;
            popHeap(first, last, last);
        }
    }

    /** std::__partial_sort. */
    private void partialSort(int first, int middle, int last) {
        heapSelect(first, middle, last);
        sortHeap(first, middle);
    }

    // ---- quicksort pieces (stl_algo.h) ----

    /** std::__move_median_to_first. */
    private void moveMedianToFirst(int result, int a, int b, int c) {
        if (comp(a, b)) {
            if (comp(b, c)) {
                swap(result, b);
            } else if (comp(a, c)) {
                swap(result, c);
            } else {
                swap(result, a);
            }
        } else if (comp(a, c)) {
            swap(result, a);
        } else if (comp(b, c)) {
            swap(result, c);
        } else {
            swap(result, b);
        }
    }

    /** std::__unguarded_partition around the value at pivot. */
    private int unguardedPartition(int first, int last, int pivot) {
        while (true) {
            while (comp(first, pivot)) {
                first++;
            }
            last--;
            while (comp(pivot, last)) {
                last--;
            }
            if (!(first < last)) {
                return first;
            }
            swap(first, last);
            first++;
        }
    }

    /** std::__unguarded_partition_pivot. */
    private int unguardedPartitionPivot(int first, int last) {
        int mid = first + (last - first) / 2;
        moveMedianToFirst(first, first + 1, mid, last - 1);
        return unguardedPartition(first + 1, last, first);
    }

    /** std::__unguarded_linear_insert. */
    private void unguardedLinearInsert(int last) {
        float hv = v[last];
        int hi = ix[last];
        int next = last - 1;
        while (greater(hv, v[next])) {
            move(last, next);
            last = next;
            next--;
        }
        v[last] = hv;
        ix[last] = hi;
    }

    /** std::__insertion_sort. */
    private void insertionSort(int first, int last) {
        if (first == last) {
            return;
        }
        for (int i = first + 1; i != last; i++) {
            if (comp(i, first)) {
                float hv = v[i];
                int hi = ix[i];
                System.arraycopy(v, first, v, first + 1, i - first);
                System.arraycopy(ix, first, ix, first + 1, i - first);
                v[first] = hv;
                ix[first] = hi;
            } else {
                unguardedLinearInsert(i);
            }
        }
    }

    /** std::__final_insertion_sort. */
    private void finalInsertionSort(int first, int last) {
        if (last - first > S_THRESHOLD) {
            insertionSort(first, first + S_THRESHOLD);
            for (int i = first + S_THRESHOLD; i != last; i++) {
                unguardedLinearInsert(i);
            }
        } else {
            insertionSort(first, last);
        }
    }

    /** std::__introsort_loop. */
    private void introsortLoop(int first, int last, int depthLimit) {
        while (last - first > S_THRESHOLD) {
            if (depthLimit == 0) {
                partialSort(first, last, last);
                return;
            }
            depthLimit--;
            int cut = unguardedPartitionPivot(first, last);
            introsortLoop(cut, last, depthLimit);
            last = cut;
        }
    }

    /** std::sort. */
    private void sort(int first, int last) {
        if (first != last) {
            introsortLoop(first, last, lg(last - first) * 2);
            finalInsertionSort(first, last);
        }
    }

    /** std::nth_element via std::__introselect. */
    private void nthElement(int first, int nth, int last) {
        if (first == last || nth == last) {
            return;
        }
        int depthLimit = lg(last - first) * 2;
        while (last - first > 3) {
            if (depthLimit == 0) {
                heapSelect(first, nth + 1, last);
                // Place the nth largest element in its final position.
                swap(first, nth);
                return;
            }
            depthLimit--;
            int cut = unguardedPartitionPivot(first, last);
            if (cut <= nth) {
                first = cut;
            } else {
                last = cut;
            }
        }
        insertionSort(first, last);
    }
}
