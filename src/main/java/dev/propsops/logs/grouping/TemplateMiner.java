package dev.propsops.logs.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mines templates from the messages of ONE service; not thread-safe; bounded memory.
 *
 * <p>Messages are masked and tokenized by {@link Masker}, partitioned by token count, and each joins the
 * pattern of its token count it agrees with at the most positions, if that is at least
 * {@link MinerSettings#similarity()} of them (the positions where they differ become {@code <*>}); else it
 * starts a new pattern. A cache of exact masked messages makes repeats cheap.
 */
public final class TemplateMiner {
    private final MinerSettings settings;
    private final Masker masker;
    private final Masker.Tokens tokens = new Masker.Tokens();

    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<Integer, List<Pattern>> byLength = new HashMap<>();
    private final Map<Integer, Pattern> overflow = new HashMap<>();
    private final Map<Key, Pattern> cache;

    /** The one shipped configuration (no per-dataset tuning). */
    public TemplateMiner() {
        this(MinerSettings.defaults());
    }

    public TemplateMiner(MinerSettings settings) {
        this.settings = settings;
        this.masker = new Masker(settings.maxTokens());
        this.cache = new HashMap<>();
    }

    /** Assigns a message (already stripped of the traceback; may be empty) to a pattern; returns its id. */
    public int add(String message) {
        String m = message == null ? "" : message;
        if (m.length() > settings.maxMessageChars()) {
            m = m.substring(0, settings.maxMessageChars());
        }
        masker.tokenize(m, tokens);
        String[] seq = tokens.toArray();
        Key key = new Key(seq);
        Pattern cached = cache.get(key);
        if (cached != null) {
            cached.count++;
            return cached.id;
        }
        Pattern p = match(seq);
        if (p == null) {
            p = create(seq);
        } else {
            p.generalize(seq);
        }
        p.count++;
        if (cache.size() >= settings.cacheSize()) {
            cache.clear(); // a crude bound: the cache refills with what repeats
        }
        if (settings.cacheSize() > 0) {
            cache.put(key, p);
        }
        return p.id;
    }

    /** The id a pattern is known by now: ids returned earlier may have been merged into another. */
    public int resolve(int patternId) {
        check(patternId);
        return patternId;
    }

    /** The template of a (resolved) pattern, variable parts as {@code <*>}. */
    public String template(int patternId) {
        check(patternId);
        return patterns.get(resolve(patternId)).render();
    }

    /** How many live patterns. */
    public int patternCount() {
        return patterns.size();
    }

    private void check(int patternId) {
        if (patternId < 0 || patternId >= patterns.size()) {
            throw new IllegalArgumentException("no pattern " + patternId + " (this miner has " + patterns.size() + ")");
        }
    }

    private Pattern match(String[] seq) {
        List<Pattern> candidates = byLength.get(seq.length);
        if (candidates == null) {
            return null;
        }
        Pattern best = null;
        int bestSame = -1;
        for (Pattern p : candidates) {
            int same = p.agreement(seq);
            if (same > bestSame) {
                best = p;
                bestSame = same;
            }
        }
        int needed = (int) Math.ceil(settings.similarity() * seq.length);
        if (best != null && (bestSame >= needed || patterns.size() >= settings.maxPatterns())) {
            return best;
        }
        if (patterns.size() >= settings.maxPatterns()) {
            return overflow.computeIfAbsent(seq.length, n -> newPattern(wildcards(n)));
        }
        return null;
    }

    private Pattern create(String[] seq) {
        if (patterns.size() >= settings.maxPatterns()) {
            return overflow.computeIfAbsent(seq.length, n -> newPattern(wildcards(n)));
        }
        Pattern p = newPattern(seq);
        p.sample = tokens.message();
        p.starts = new int[seq.length];
        p.ends = new int[seq.length];
        for (int i = 0; i < seq.length; i++) {
            p.starts[i] = tokens.start(i);
            p.ends[i] = tokens.end(i);
        }
        return p;
    }

    private Pattern newPattern(String[] seq) {
        Pattern p = new Pattern(patterns.size(), seq.clone());
        patterns.add(p);
        byLength.computeIfAbsent(seq.length, n -> new ArrayList<>()).add(p);
        return p;
    }

    private static String[] wildcards(int n) {
        String[] w = new String[n];
        Arrays.fill(w, Masker.WILDCARD);
        return w;
    }

    private static final class Pattern {
        final int id;
        final String[] template;
        long count;
        String sample = "";
        int[] starts;
        int[] ends;

        Pattern(int id, String[] template) {
            this.id = id;
            this.template = template;
        }

        /** Positions where the template has the same word; a wildcard counts only against a wildcard. */
        int agreement(String[] seq) {
            int same = 0;
            for (int i = 0; i < template.length; i++) {
                if (template[i].equals(seq[i])) {
                    same++;
                }
            }
            return same;
        }

        void generalize(String[] seq) {
            for (int i = 0; i < template.length; i++) {
                if (!template[i].equals(seq[i])) {
                    template[i] = Masker.WILDCARD;
                }
            }
        }

        String render() {
            if (starts == null) {
                return String.join(" ", template);
            }
            StringBuilder b = new StringBuilder(sample.length());
            int at = 0;
            for (int i = 0; i < template.length; i++) {
                if (template[i] == Masker.WILDCARD) {
                    b.append(sample, at, starts[i]).append(Masker.WILDCARD);
                    at = ends[i];
                }
            }
            return b.append(sample, at, sample.length()).toString();
        }
    }

    /** A masked message as a hash key. */
    private record Key(String[] seq, int hash) {
        Key(String[] seq) {
            this(seq, Arrays.hashCode(seq));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.seq, seq);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
