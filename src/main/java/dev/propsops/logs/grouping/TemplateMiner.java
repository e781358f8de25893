package dev.propsops.logs.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines templates from the messages of ONE service; not thread-safe; bounded memory.
 *
 * <p>A message is masked and cut into tokens by {@link Masker}. Then two levels:
 * <ol>
 *   <li><b>Skeleton.</b> Among the skeletons of its token count the message joins the one it agrees with
 *       best, if it agrees at {@link MinerSettings#similarity()} or more of the positions that say
 *       something (a position agrees when the skeleton has seen the message's word there; positions that
 *       are variable, or were only ever masked on both sides, are not counted); else it starts a skeleton.
 *       A skeleton keeps, per position, the distinct words seen there.</li>
 *   <li><b>Pattern.</b> A position becomes <em>variable</em> when {@link MinerSettings#variableAfter()}
 *       distinct words were seen there ({@link MinerSettings#valueVariableAfter()} for the value of a
 *       {@code key=value} pair), or when masked values are at least as common there as all its words
 *       together. A pattern is a skeleton plus the words at its positions that are not variable: user and
 *       host names, seen in many forms, end up as {@code <*>}, while {@code VM Paused} and
 *       {@code VM Started} (a handful of forms, each repeated) stay two patterns, as they are two events.</li>
 * </ol>
 * When a position turns variable, the patterns of that skeleton which now differ only at variable positions
 * are merged into the oldest of them: an id returned earlier may have to be {@link #resolve resolved}.
 * Patterns are never split, so an assignment once made stays true.
 *
 * <p>A message seen before in the same masked form (its shape) skips all that: a cache maps the shape's
 * 64-bit hash to its pattern, which is what makes the miner fast on real logs, where shapes repeat.
 *
 * <p>Memory is bounded and does not grow with the number of messages: at most
 * {@link MinerSettings#maxPatterns()} pattern ids, plus one overflow pattern per token count; per pattern
 * its tokens and one sample message (cut at {@link MinerSettings#maxMessageChars()}); the cache of at most
 * {@link MinerSettings#cacheSize()} shapes. Once the bound is reached, a message that would start a new
 * pattern goes instead to the closest pattern of its skeleton (the one agreeing at the most positions), or,
 * when no skeleton is similar enough, to the overflow pattern of its token count, whose template is all
 * {@code <*>}. Merges still happen past the bound; new ids are no longer handed out.
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
        Pattern p = place(tokens.toArray());
        cache.put(shape, p.id);
        return counted(patterns.get(find(p.id)));
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

    /** Shapes in the cache now (for tests of the memory bound). */
    int cachedShapes() {
        return cache.size();
    }

    private void check(int patternId) {
        if (patternId < 0 || patternId >= patterns.size()) {
            throw new IllegalArgumentException(patterns.isEmpty()
                    ? "no pattern " + patternId + ": this miner has no patterns yet"
                    : "no pattern " + patternId + ": this miner's ids are 0 to " + (patterns.size() - 1));
        }
    }

    /** Counts a message of root {@code p}; at each doubling of its count its skeleton looks again. */
    private int counted(Pattern p) {
        p.count++;
        if (p.skeleton != null && (p.count & (p.count - 1)) == 0 && p.skeleton.reconsider()) {
            merge(p.skeleton);
            return find(p.id);
        }
        return p.id;
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

    private Pattern place(String[] seq) {
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
                return overflow.computeIfAbsent(seq.length, this::overflowPattern);
            }
            best = new Skeleton(seq.length);
            skeletons.add(best);
        }
        boolean variable = false;
        for (int i = 0; i < seq.length; i++) {
            variable |= best.observe(i, seq[i], tokens.isValue(i));
        }
        if (variable) {
            merge(best);
        }
        PatternKey key = best.key(seq);
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

    /** Positions of {@code s} turned variable: its patterns that now have the same key become one. */
    private void merge(Skeleton s) {
        s.byKey.clear();
        List<Pattern> roots = new ArrayList<>(s.members.size());
        for (Pattern p : s.members) {
            PatternKey key = s.key(p.tokens);
            Pattern q = s.byKey.get(key);
            if (q == null) {
                s.byKey.put(key, p);
                roots.add(p);
            } else {
                // members are in creation order, so the oldest id survives
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
        p.sample = tokens.message();
        p.starts = new int[seq.length];
        p.ends = new int[seq.length];
        for (int i = 0; i < seq.length; i++) {
            p.starts[i] = tokens.start(i);
            p.ends[i] = tokens.end(i);
        }
        patterns.add(p);
        if (id == parent.length) {
            parent = Arrays.copyOf(parent, id * 2);
        }
        parent[id] = id;
        live++;
        return p;
    }

    private Pattern overflowPattern(int length) {
        String[] all = new String[length];
        Arrays.fill(all, Masker.WILDCARD);
        Pattern p = newPattern(null, all);
        p.sample = null; // its template is all wildcards, whatever message came first
        return p;
    }

    /** Messages of one token count that look alike; per position, the distinct words seen there. */
    private final class Skeleton {
        /** Per position: the distinct words seen (the first {@code distinct[i]} entries), null once variable. */
        final String[][] values;
        final int[] distinct;
        /** Per position: whether it ever held the value of a {@code key=value} pair. */
        final boolean[] valueAt;
        final Map<PatternKey, Pattern> byKey = new HashMap<>();
        /** The live patterns, oldest first. */
        final List<Pattern> members = new ArrayList<>();

        Skeleton(int n) {
            values = new String[n][];
            distinct = new int[n];
            valueAt = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = new String[1];
            }
        }

        boolean variable(int i) {
            return values[i] == null;
        }

        /** +1 the word was seen here, -1 it was not, 0 the position says nothing (variable, or masked only). */
        int agreement(int i, String word) {
            String[] v = values[i];
            if (v == null) {
                return 0;
            }
            if (word == Masker.WILDCARD && distinct[i] == 1 && v[0] == Masker.WILDCARD) {
                return 0; // two masked values agree by construction: no evidence either way
            }
            return holds(i, word) ? 1 : -1;
        }

        /** Records {@code word} at position i; true when that made the position variable. */
        boolean observe(int i, String word, boolean isValue) {
            if (values[i] == null) {
                return false;
            }
            valueAt[i] |= isValue;
            if (holds(i, word)) {
                return false;
            }
            int limit = valueAt[i] ? settings.valueVariableAfter() : settings.variableAfter();
            if (distinct[i] + 1 >= limit) {
                values[i] = null;
                return true;
            }
            if (distinct[i] == values[i].length) {
                values[i] = Arrays.copyOf(values[i], Math.min(limit - 1, distinct[i] * 2));
            }
            values[i][distinct[i]++] = word;
            return false;
        }

        private boolean holds(int i, String word) {
            String[] v = values[i];
            for (int k = 0; k < distinct[i]; k++) {
                if (v[k].equals(word)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Turns variable the positions where masked values are at least as common as all the words seen
         * there together: a word standing where ids usually stand is a value too ({@code wpad} among
         * thousands of {@code 10.1.2.3} in {@code <host> open through proxy ...}). A position where words
         * are the majority stays: a rare masked token there is another event ({@code SOCKS5} among
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

        /** The words of {@code seq} at the positions that are not variable: what tells its pattern. */
        PatternKey key(String[] seq) {
            String[] k = new String[seq.length];
            for (int i = 0; i < seq.length; i++) {
                k[i] = variable(i) ? null : seq[i];
            }
            return new PatternKey(k);
        }

        /** Past the pattern bound: the pattern agreeing with {@code seq} at the most positions. */
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
        /** Null for an overflow pattern. */
        final Skeleton skeleton;
        String[] tokens;
        long count;
        String sample;
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
            return skeleton == null || tokens[i] == Masker.WILDCARD || skeleton.variable(i);
        }

        /** The first message of the pattern, its variable tokens replaced by {@code <*>}. */
        String render() {
            if (sample == null) {
                return String.join(" ", Arrays.asList(tokens));
            }
            StringBuilder b = new StringBuilder(sample.length());
            int at = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (wildcard(i)) {
                    b.append(sample, at, starts[i]).append(Masker.WILDCARD);
                    at = ends[i];
                }
            }
            return b.append(sample, at, sample.length()).toString().strip();
        }
    }

    /** The words of a pattern at its skeleton's non-variable positions (null where variable). */
    private record PatternKey(String[] words, int hash) {
        PatternKey(String[] words) {
            this(words, Arrays.hashCode(words));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PatternKey k && k.hash == hash && Arrays.equals(k.words, words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Shapes seen before, by their 64-bit hash, and the pattern each went to: open addressing over two
     * arrays that grow to {@code capacity} and are emptied when full (the cache refills with what repeats).
     * A hash collision would send a message to another shape's pattern; at about 2^-64 per pair of shapes it
     * is not worth comparing tokens on every message.
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

        /** The pattern of shape {@code key}, or -1. */
        int get(long key) {
            if (keys.length == 0) {
                return -1;
            }
            long k = key == 0 ? 1 : key; // 0 marks an empty slot
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
