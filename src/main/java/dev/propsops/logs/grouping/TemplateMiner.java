package dev.propsops.logs.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines templates from the messages of ONE service; not thread-safe; bounded memory.
 *
 * <p>Two levels. A message is masked and tokenized by {@link Masker}; among the <em>skeletons</em> of its
 * token count it joins the one it agrees with best, if it agrees at {@link MinerSettings#similarity()} of
 * the informative positions, else it starts a skeleton. A skeleton remembers, per position, the distinct
 * words seen there, up to {@link MinerSettings#variableAfter()}: a position with that many distinct words
 * is a variable (user names, host names), one with fewer is part of the event ({@code VM Paused} and
 * {@code VM Started} are different events). A <em>pattern</em> (the id returned) is a skeleton plus the
 * words at its non-variable positions; when a position turns variable, the patterns that differ only
 * there are merged, which is why ids must be {@link #resolve resolved}.
 */
public final class TemplateMiner {
    private final MinerSettings settings;
    private final Masker masker;
    private final Masker.Tokens tokens = new Masker.Tokens();

    private final List<Pattern> patterns = new ArrayList<>();
    private int[] parent = new int[64];
    private int live;
    private final Map<Integer, List<Skeleton>> byLength = new HashMap<>();
    private final Map<Integer, Pattern> overflow = new HashMap<>();
    private final ShapeCache cache;

    /** The one shipped configuration (no per-dataset tuning). */
    public TemplateMiner() {
        this(MinerSettings.defaults());
    }

    public TemplateMiner(MinerSettings settings) {
        this.settings = settings;
        this.masker = new Masker(settings.maxTokens());
        this.cache = new ShapeCache(settings.cacheSize());
    }

    /** Assigns a message (already stripped of the traceback; may be empty) to a pattern; returns its id. */
    public int add(String message) {
        String m = message == null ? "" : message;
        if (m.length() > settings.maxMessageChars()) {
            m = m.substring(0, settings.maxMessageChars());
        }
        masker.tokenize(m, tokens);
        long shape = tokens.shapeHash();
        int cached = cache.get(shape);
        if (cached >= 0) {
            return counted(patterns.get(find(cached)));
        }
        Pattern p = place(tokens.toArray(), tokens);
        cache.put(shape, p.id);
        return counted(patterns.get(find(p.id)));
    }

    /** Counts a message of {@code p}; at each doubling its skeleton looks again at mixed positions. */
    private int counted(Pattern p) {
        p.count++;
        if (p.skeleton != null && (p.count & (p.count - 1)) == 0) {
            if (p.skeleton.reconsider()) {
                merge(p.skeleton);
            }
            return find(p.id);
        }
        return p.id;
    }

    /** The id a pattern is known by now: ids returned earlier may have been merged into another. */
    public int resolve(int patternId) {
        check(patternId);
        return find(patternId);
    }

    /** The template of a (resolved) pattern, variable parts as {@code <*>}. */
    public String template(int patternId) {
        check(patternId);
        return patterns.get(find(patternId)).render();
    }

    /** How many live patterns. */
    public int patternCount() {
        return live;
    }

    private void check(int patternId) {
        if (patternId < 0 || patternId >= patterns.size()) {
            throw new IllegalArgumentException("no pattern " + patternId + " (this miner has ids 0 to "
                    + (patterns.size() - 1) + ")");
        }
    }

    private int find(int id) {
        int root = id;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[id] != root) {
            int next = parent[id];
            parent[id] = root;
            id = next;
        }
        return root;
    }

    private Pattern place(String[] seq, Masker.Tokens flags) {
        List<Skeleton> skeletons = byLength.computeIfAbsent(seq.length, n -> new ArrayList<>());
        Skeleton best = null;
        double bestScore = -1;
        int bestAgree = -1;
        for (Skeleton s : skeletons) {
            int agree = 0;
            int differ = 0;
            for (int i = 0; i < seq.length; i++) {
                int a = s.agreement(i, seq[i]);
                if (a > 0) {
                    agree++;
                } else if (a < 0) {
                    differ++;
                }
            }
            double score = agree + differ == 0 ? 1.0 : (double) agree / (agree + differ);
            if (score > bestScore || score == bestScore && agree > bestAgree) {
                best = s;
                bestScore = score;
                bestAgree = agree;
            }
        }
        boolean full = patterns.size() >= settings.maxPatterns();
        if (best == null || bestScore < settings.similarity()) {
            if (full) {
                return overflow.computeIfAbsent(seq.length, n -> newPattern(null, wildcards(n)));
            }
            best = new Skeleton(seq.length);
            skeletons.add(best);
        }
        if (!full) {
            boolean variable = false;
            for (int i = 0; i < seq.length; i++) {
                variable |= best.observe(i, seq[i], flags.isValue(i));
            }
            if (variable) {
                merge(best);
            }
        }
        long key = best.key(seq);
        Pattern p = best.byKey.get(key);
        if (p != null) {
            return patterns.get(find(p.id));
        }
        if (full) {
            return best.closest(seq);
        }
        p = newPattern(best, seq);
        best.byKey.put(key, p);
        best.members.add(p);
        if (best.reconsider()) {
            merge(best);
            return patterns.get(find(p.id));
        }
        return p;
    }

    /** A position of {@code s} turned variable: patterns that now have the same key become one. */
    private void merge(Skeleton s) {
        s.byKey.clear();
        List<Pattern> roots = new ArrayList<>();
        for (Pattern p : s.members) {
            long key = s.key(p.tokens);
            Pattern q = s.byKey.get(key);
            if (q == null) {
                s.byKey.put(key, p);
                roots.add(p);
            } else {
                parent[p.id] = q.id;
                q.count += p.count;
                p.release();
                live--;
            }
        }
        s.members.clear();
        s.members.addAll(roots);
    }

    private Pattern newPattern(Skeleton s, String[] seq) {
        int id = patterns.size();
        Pattern p = new Pattern(id, s, seq);
        if (s != null) {
            p.sample = tokens.message();
            p.starts = new int[seq.length];
            p.ends = new int[seq.length];
            for (int i = 0; i < seq.length; i++) {
                p.starts[i] = tokens.start(i);
                p.ends[i] = tokens.end(i);
            }
        }
        patterns.add(p);
        if (id == parent.length) {
            parent = Arrays.copyOf(parent, id * 2);
        }
        parent[id] = id;
        live++;
        return p;
    }

    private static String[] wildcards(int n) {
        String[] w = new String[n];
        Arrays.fill(w, Masker.WILDCARD);
        return w;
    }

    /** Messages of one token count that look alike; per position, the words seen there. */
    private final class Skeleton {
        /** Per position: the distinct words seen (null entries unused), or null once it is variable. */
        final String[][] values;
        final int[] distinct;
        final boolean[] valueAt;
        final Map<Long, Pattern> byKey = new HashMap<>();
        final List<Pattern> members = new ArrayList<>();

        Skeleton(int n) {
            values = new String[n][];
            distinct = new int[n];
            valueAt = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = new String[settings.variableAfter()];
            }
        }

        boolean variable(int i) {
            return values[i] == null;
        }

        /** +1 the word is known here, -1 it is not, 0 the position says nothing (variable or only masked). */
        int agreement(int i, String word) {
            String[] v = values[i];
            if (v == null) {
                return 0;
            }
            if (distinct[i] == 0) {
                return 0; // a new skeleton: nothing seen yet
            }
            boolean onlyMasked = distinct[i] == 1 && v[0] == Masker.WILDCARD;
            if (onlyMasked && word == Masker.WILDCARD) {
                return 0;
            }
            for (int k = 0; k < distinct[i]; k++) {
                if (v[k].equals(word)) {
                    return 1;
                }
            }
            return -1;
        }

        /** Records {@code word} at position i; true when that made the position variable. */
        boolean observe(int i, String word, boolean isValue) {
            String[] v = values[i];
            if (v == null) {
                return false;
            }
            if (isValue) {
                valueAt[i] = true;
            }
            for (int k = 0; k < distinct[i]; k++) {
                if (v[k].equals(word)) {
                    return false;
                }
            }
            if (distinct[i] + 1 >= (valueAt[i] ? settings.valueVariableAfter() : settings.variableAfter())) {
                values[i] = null;
                return true;
            }
            v[distinct[i]++] = word;
            return false;
        }

        /**
         * Turns variable the positions where masked values ({@code <*>}) are at least as common as all the
         * words seen there together: a word standing where ids usually stand is a value too
         * ({@code wpad:80 open through proxy ...} among thousands of {@code 10.1.2.3:80 open ...}). A position
         * where a word dominates stays: a rare masked token there is another event ({@code SOCKS5} among
         * {@code HTTPS}). True when a position changed.
         */
        boolean reconsider() {
            boolean changed = false;
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null || distinct[i] < 2 || !holds(i, Masker.WILDCARD)) {
                    continue;
                }
                long masked = 0;
                long words = 0;
                for (Pattern p : members) {
                    if (p.tokens[i] == Masker.WILDCARD) {
                        masked += p.count;
                    } else {
                        words += p.count;
                    }
                }
                if (masked >= words) {
                    values[i] = null;
                    changed = true;
                }
            }
            return changed;
        }

        private boolean holds(int i, String word) {
            for (int k = 0; k < distinct[i]; k++) {
                if (values[i][k].equals(word)) {
                    return true;
                }
            }
            return false;
        }

        /** The words at the non-variable positions, hashed. */
        long key(String[] seq) {
            long h = 1;
            for (int i = 0; i < seq.length; i++) {
                h = h * 1_000_003L + (variable(i) ? 0 : seq[i].hashCode() + 1);
            }
            return h;
        }

        /** Past the pattern bound: the member agreeing with {@code seq} at the most positions. */
        Pattern closest(String[] seq) {
            Pattern best = members.get(0);
            int bestSame = -1;
            for (Pattern p : members) {
                int same = 0;
                for (int i = 0; i < seq.length; i++) {
                    if (p.tokens[i].equals(seq[i])) {
                        same++;
                    }
                }
                if (same > bestSame) {
                    best = p;
                    bestSame = same;
                }
            }
            return best;
        }
    }

    private static final class Pattern {
        final int id;
        final Skeleton skeleton;
        String[] tokens;
        long count;
        String sample = "";
        int[] starts;
        int[] ends;

        Pattern(int id, Skeleton skeleton, String[] tokens) {
            this.id = id;
            this.skeleton = skeleton;
            this.tokens = tokens;
        }

        /** Merged into another: only its id and count remain. */
        void release() {
            tokens = null;
            sample = null;
            starts = null;
            ends = null;
        }

        boolean wildcard(int i) {
            return tokens[i] == Masker.WILDCARD || skeleton == null || skeleton.variable(i);
        }

        String render() {
            if (starts == null) {
                return String.join(" ", Arrays.stream(tokens).map(t -> Masker.WILDCARD).toList());
            }
            StringBuilder b = new StringBuilder(sample.length());
            int at = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (wildcard(i)) {
                    b.append(sample, at, starts[i]).append(Masker.WILDCARD);
                    at = ends[i];
                }
            }
            return b.append(sample, at, sample.length()).toString();
        }
    }

    /**
     * Masked messages seen before, by their 64-bit shape hash, and the pattern each went to: open addressing
     * over two arrays, emptied when full (it refills with what repeats). A hash collision would send a
     * message to another shape's pattern; at 2^-64 per pair it is not worth a comparison per message.
     */
    static final class ShapeCache {
        private final int capacity;
        private long[] keys;
        private int[] values;
        private int mask;
        private int size;

        ShapeCache(int capacity) {
            this.capacity = capacity;
            allocate(capacity == 0 ? 0 : 256);
        }

        private void allocate(int slots) {
            keys = new long[slots];
            values = new int[slots];
            mask = slots - 1;
            size = 0;
        }

        int get(long key) {
            if (keys.length == 0) {
                return -1;
            }
            long k = key == 0 ? 1 : key;
            for (int i = (int) k & mask; ; i = (i + 1) & mask) {
                if (keys[i] == k) {
                    return values[i];
                }
                if (keys[i] == 0) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (keys.length == 0) {
                return;
            }
            if (size >= capacity) {
                Arrays.fill(keys, 0);
                size = 0;
            } else if (size * 2 >= keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                allocate(keys.length * 2);
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        insert(oldKeys[i], oldValues[i]);
                    }
                }
            }
            insert(key == 0 ? 1 : key, value);
        }

        private void insert(long k, int value) {
            int i = (int) k & mask;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = k;
            values[i] = value;
        }

        int size() {
            return size;
        }
    }
}
