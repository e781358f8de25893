package dev.propsops.logs.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a message into tokens and masks the variable ones as {@link #WILDCARD}. A hand-written scanner
 * (no regular expressions, no allocation for a message whose shape was seen before): the miner must keep
 * up with half a million messages a second.
 *
 * <p>The message is cut at whitespace into chunks. A whole chunk is one variable when it is
 * <ul>
 *   <li>a path: it starts with {@code /}, {@code \}, {@code ~/} or {@code C:\} (after an opening quote or
 *       bracket), so its query string or {@code a=b} parts go with it;</li>
 *   <li>a host and port, {@code name.with.dots:443};</li>
 *   <li>from a {@code scheme://} on, a URL.</li>
 * </ul>
 * Otherwise the chunk is cut again at the punctuation that separates fields
 * ({@code = : , ; ( ) [ ] { } < > |}), which is dropped. A piece loses a sentence's trailing
 * {@code . ! ?}; a quoted piece ({@code 'x'}, {@code "x"}) is a variable, other quotes are dropped. A
 * piece is a variable when it
 * <ul>
 *   <li>holds a digit: numbers, hex ({@code 0x1f}, {@code a489c868f0}), UUIDs, IPv4 addresses, dates and
 *       times (their {@code :} pieces are all digits), ids with digits ({@code blk_-1608},
 *       {@code job_1445144423722_0020});</li>
 *   <li>holds two or more {@code /} or {@code \} (a relative path), or is an email address;</li>
 *   <li>is a host name ({@link #isHostName}).</li>
 * </ul>
 * An empty pair of brackets ({@code ()}, {@code []}) and a key with an empty value ({@code logname= }) are
 * variables too, so that a message keeps its length whether a value is there or not.
 *
 * <p>Then, in order: a month, weekday or time-zone name next to a variable is part of the date
 * ({@code Fri Jun 17 07:07:00 2005}); a unit after a variable is part of the quantity ({@code 0 bytes},
 * {@code (1.16 KB)}, {@code <1 sec}); and adjacent variables become one ({@code 10.1.2.3:8080}, a list of
 * ids, a date and time), so that a message's length does not depend on how many parts a value has.
 *
 * <p>Not masked: words without digits, including hex-looking ones such as {@code cafe} (too many real
 * words are hex), words with one {@code /} such as {@code and/or}, dotted names that are not host names
 * ({@code org.apache.hadoop.ipc}, {@code cbscore.dll}), and month names away from a date
 * ({@code it may not exist}).
 */
public final class Masker {
    public static final String WILDCARD = "<*>";
    /** The hash a wildcard contributes to a message's shape. */
    private static final long WILDCARD_HASH = 0x5bd1e9955bd1e995L;

    /**
     * The tokens of one message, reused from call to call: words are materialized only when asked for.
     * {@code start(i)}/{@code end(i)} is a token's span in the message (for rendering a template).
     */
    public static final class Tokens {
        private String message = "";
        private int count;
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private long[] hashes = new long[32];
        private boolean[] wild = new boolean[32];
        private boolean[] value = new boolean[32];

        public int count() {
            return count;
        }

        public String message() {
            return message;
        }

        public boolean isWildcard(int i) {
            return wild[i];
        }

        /** Whether word i is the value of a {@code key=value} pair: more likely a variable than other words. */
        public boolean isValue(int i) {
            return value[i];
        }

        /** Token i: {@link #WILDCARD} or the word (a new string). */
        public String token(int i) {
            return wild[i] ? WILDCARD : message.substring(starts[i], ends[i]);
        }

        public int start(int i) {
            return starts[i];
        }

        public int end(int i) {
            return ends[i];
        }

        /** The tokens, for keeping; every wildcard is the {@link #WILDCARD} instance. */
        public String[] toArray() {
            String[] copy = new String[count];
            for (int i = 0; i < count; i++) {
                copy[i] = token(i);
            }
            return copy;
        }

        /**
         * A 64-bit hash of the masked message (its tokens in order): equal shapes hash equal; different ones
         * collide with a probability near 2^-64 per pair.
         */
        public long shapeHash() {
            long h = count;
            for (int i = 0; i < count; i++) {
                h = (h ^ hashes[i]) * 0x9e3779b97f4a7c15L;
                h ^= h >>> 29;
            }
            return mix(h);
        }

        void reset(String message) {
            this.message = message;
            count = 0;
        }

        void add(boolean wildcard, int start, int end, long hash) {
            if (count == starts.length) {
                int size = count * 2;
                starts = Arrays.copyOf(starts, size);
                ends = Arrays.copyOf(ends, size);
                hashes = Arrays.copyOf(hashes, size);
                wild = Arrays.copyOf(wild, size);
                value = Arrays.copyOf(value, size);
            }
            starts[count] = start;
            ends[count] = end;
            hashes[count] = wildcard ? WILDCARD_HASH : hash;
            wild[count] = wildcard;
            value[count] = false;
            count++;
        }

        void addWildcard(int start, int end) {
            add(true, start, end, WILDCARD_HASH);
        }

        void toWildcard(int i) {
            wild[i] = true;
            value[i] = false;
            hashes[i] = WILDCARD_HASH;
        }

        void markValue(int i) {
            value[i] = true;
            hashes[i] = ~hashes[i]; // "a=b" and "a b" are different shapes
        }

        boolean wordIn(int i, WordSet set) {
            return !wild[i] && set.contains(message, starts[i], ends[i], hashes[i]);
        }
    }

    private final int maxTokens;
    /** Tokens read before collapsing: more than the final bound, as adjacent variables become one. */
    private final int rawLimit;

    public Masker() {
        this(MinerSettings.defaults().maxTokens());
    }

    /** @param maxTokens tokens past this many are not read: a bound on the work and memory per message */
    public Masker(int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.rawLimit = (int) Math.min(Integer.MAX_VALUE / 2, maxTokens * 4L);
    }

    /** The tokens of {@code message}, wildcards included: for tests and for reading what the miner sees. */
    public String[] tokens(String message) {
        Tokens t = new Tokens();
        tokenize(message, t);
        return t.toArray();
    }

    /** Tokenizes {@code message} into {@code out} (cleared first). A null message is read as empty. */
    public void tokenize(String message, Tokens out) {
        String m = message == null ? "" : message;
        out.reset(m);
        int n = m.length();
        int i = 0;
        while (i < n && out.count < rawLimit) {
            while (i < n && isSpace(m.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(m.charAt(i))) {
                i++;
            }
            i = chunk(m, start, i, out);
        }
        maskDateWords(out);
        absorbUnits(out);
        collapse(out);
        if (out.count > maxTokens) {
            out.count = maxTokens;
        }
    }

    /** Tokenizes the chunk {@code [start, end)}; returns where the next chunk may start. */
    private int chunk(String m, int start, int end, Tokens out) {
        int path = start;
        while (path < end && (isQuote(m.charAt(path)) || m.charAt(path) == '(' || m.charAt(path) == '[')) {
            path++;
        }
        if (path + 1 < end && isPathStart(m, path, end)) {
            out.addWildcard(path, end);
            return end;
        }
        if (isHostPort(m, start, end) || isHexGroups(m, start, end)) {
            out.addWildcard(start, end);
            return end;
        }
        int url = urlStart(m, start, end);
        int stop = url < 0 ? end : url;
        int i = start;
        while (i < stop && out.count < rawLimit) {
            while (i < stop && isDelimiter(m.charAt(i))) {
                char c = m.charAt(i);
                if (i + 1 < stop && closes(c, m.charAt(i + 1))) {
                    out.addWildcard(i, i + 2); // "()", "[]": an empty value is still a value
                    i += 2;
                    continue;
                }
                if (c == '=' && (i + 1 == stop || m.charAt(i + 1) == ',' || m.charAt(i + 1) == ';')) {
                    out.addWildcard(i + 1, i + 1); // "logname= uid=0": the key has an empty value
                }
                i++;
            }
            if (i >= stop) {
                break;
            }
            int pieceStart = i;
            if (pieceStart > start && m.charAt(pieceStart - 1) == '=') {
                // key=value: a quoted value runs to its closing quote, spaces and all
                int close = isQuote(m.charAt(pieceStart)) ? closingQuote(m, pieceStart) : -1;
                if (close > 0 && close >= stop) {
                    out.addWildcard(pieceStart, close + 1);
                    return close + 1;
                }
                i = valueEnd(m, pieceStart, stop);
                piece(m, pieceStart, i, out);
                if (out.count > 0 && !out.wild[out.count - 1] && out.starts[out.count - 1] >= pieceStart) {
                    out.markValue(out.count - 1);
                }
                continue;
            }
            while (i < stop && !isDelimiter(m.charAt(i))) {
                i++;
            }
            piece(m, pieceStart, i, out);
        }
        if (url >= 0) {
            out.addWildcard(url, end);
        }
        return end;
    }

    /** The end of a value after {@code =}: the next {@code , ; |}, or a closing bracket it did not open. */
    private static int valueEnd(String m, int start, int stop) {
        int depth = 0;
        for (int k = start; k < stop; k++) {
            char c = m.charAt(k);
            if (c == ',' || c == ';' || c == '|') {
                return k;
            }
            if (c == '(' || c == '[' || c == '{' || c == '<') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>') {
                if (depth == 0) {
                    return k;
                }
                depth--;
            }
        }
        return stop;
    }

    /** The closing quote of the quote at {@code open}, within 512 characters, or -1. */
    private static int closingQuote(String m, int open) {
        char q = m.charAt(open);
        int limit = Math.min(m.length(), open + 512);
        for (int k = open + 1; k < limit; k++) {
            if (m.charAt(k) == q) {
                return k;
            }
        }
        return -1;
    }

    private static void piece(String m, int start, int end, Tokens out) {
        int s = start;
        int e = end;
        while (e > s && isSentenceEnd(m.charAt(e - 1))) {
            e--;
        }
        if (e - s >= 2 && isQuote(m.charAt(s)) && m.charAt(e - 1) == m.charAt(s)) {
            out.addWildcard(s, e); // a quoted value
            return;
        }
        while (s < e && isQuote(m.charAt(s))) {
            s++;
        }
        while (e > s && (isQuote(m.charAt(e - 1)) || isSentenceEnd(m.charAt(e - 1)))) {
            e--;
        }
        if (s >= e) {
            return; // only quotes or dots: punctuation, not a token
        }
        if (isVariable(m, s, e)) {
            out.addWildcard(s, e);
        } else {
            out.add(false, s, e, hash(m, s, e));
        }
    }

    /** A piece with a digit, a path, an email address or a host name. */
    static boolean isVariable(String m, int start, int end) {
        char first = m.charAt(start);
        if ((first == '/' || first == '\\') && end - start > 1) {
            return true; // a path after a key: path=/tmp
        }
        int slashes = 0;
        int at = -1;
        for (int k = start; k < end; k++) {
            char c = m.charAt(k);
            if (isDigit(c)) {
                return true;
            }
            if (c == '/' || c == '\\') {
                slashes++;
            } else if (c == '@' && at < 0) {
                at = k;
            }
        }
        return slashes >= 2 || at > start && isEmailDomain(m, at + 1, end) || isHostName(m, start, end);
    }

    private static boolean isPathStart(String m, int i, int end) {
        char c = m.charAt(i);
        return c == '/' || c == '\\' || c == '~' && m.charAt(i + 1) == '/'
                || i + 2 < end && isAsciiLetter(c) && m.charAt(i + 1) == ':' && m.charAt(i + 2) == '\\';
    }

    /** {@code name.with.dots:443} (a trailing {@code ,} or {@code .} aside): a host and its port. */
    static boolean isHostPort(String m, int start, int end) {
        int e = end;
        while (e > start && (m.charAt(e - 1) == ',' || isSentenceEnd(m.charAt(e - 1)))) {
            e--;
        }
        int colon = e - 1;
        while (colon > start && isDigit(m.charAt(colon))) {
            colon--;
        }
        int port = e - colon - 1;
        if (colon <= start || m.charAt(colon) != ':' || port < 1 || port > 5) {
            return false;
        }
        boolean dot = false;
        for (int k = start; k < colon; k++) {
            char c = m.charAt(k);
            if (c == '.') {
                if (k == start || k == colon - 1 || m.charAt(k - 1) == '.') {
                    return false;
                }
                dot = true;
            } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return dot;
    }

    /**
     * Hex groups joined by {@code :} (at least three groups, a digit among them), inside brackets or not:
     * MAC addresses ({@code 5c:50:15:4c:18:13}) and IPv6 addresses ({@code fe80::c6b3:1ff:fecd:467f}),
     * whose letter-only groups ({@code bc}, {@code fecd}) would otherwise pass for words.
     */
    static boolean isHexGroups(String m, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && (m.charAt(s) == '(' || m.charAt(s) == '[')) {
            s++;
        }
        while (e > s && (m.charAt(e - 1) == ')' || m.charAt(e - 1) == ']' || m.charAt(e - 1) == ','
                || isSentenceEnd(m.charAt(e - 1)))) {
            e--;
        }
        int colons = 0;
        boolean digit = false;
        for (int k = s; k < e; k++) {
            char c = m.charAt(k);
            if (c == ':') {
                colons++;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return colons >= 2 && digit;
    }

    private static final WordSet GENERIC_TLDS = new WordSet(List.of("com", "net", "org", "edu", "gov", "mil", "int",
            "info", "biz", "io", "ai", "app", "dev", "cloud", "local", "internal", "localdomain", "arpa"));

    /**
     * A host name: lower-case labels of letters, digits and {@code -} joined by dots, ending in a generic
     * top-level domain ({@code baidu.com}, {@code metadata.google.internal}) or in two letters after at
     * least two dots ({@code proxy.cse.cuhk.edu.hk}). Java packages and file names do not end so
     * ({@code org.apache.hadoop.ipc}, {@code cbscore.dll}, {@code app.py}).
     */
    static boolean isHostName(String m, int start, int end) {
        int dots = 0;
        int labelStart = start;
        for (int k = start; k < end; k++) {
            char c = m.charAt(k);
            if (c == '.') {
                if (k == labelStart) {
                    return false;
                }
                dots++;
                labelStart = k + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        if (dots == 0 || labelStart >= end) {
            return false;
        }
        for (int k = labelStart; k < end; k++) {
            if (!isAsciiLetter(m.charAt(k))) {
                return false;
            }
        }
        return end - labelStart == 2 && dots >= 2 || GENERIC_TLDS.contains(m, labelStart, end, hash(m, labelStart, end));
    }

    /** After the {@code @}: letters, digits, {@code -} and at least one inner dot. */
    private static boolean isEmailDomain(String m, int start, int end) {
        boolean dot = false;
        for (int k = start; k < end; k++) {
            char c = m.charAt(k);
            if (c == '.') {
                if (k == start || k == end - 1) {
                    return false;
                }
                dot = true;
            } else if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return dot;
    }

    /** Where a {@code scheme://} URL starts in the chunk, or -1: the rest of the chunk is the URL. */
    static int urlStart(String m, int start, int end) {
        for (int k = start + 1; k + 2 < end; k++) {
            if (m.charAt(k) == ':' && m.charAt(k + 1) == '/' && m.charAt(k + 2) == '/') {
                int u = k;
                while (u > start && isSchemeChar(m.charAt(u - 1))) {
                    u--;
                }
                return u < k && isAsciiLetter(m.charAt(u)) ? u : -1;
            }
        }
        return -1;
    }

    private static final WordSet DATE_WORDS = WordSet.withUpperCase(List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "January", "February", "March", "April", "June", "July", "August", "September", "October",
            "November", "December", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST", "BST", "JST",
            "AM", "PM"));

    /** Month, weekday and time-zone names next to a variable are part of the date. */
    private static void maskDateWords(Tokens out) {
        // forwards, then backwards: a run of names ("Fri Jun 17") is reached from either side
        for (int i = 1; i < out.count; i++) {
            if (out.wild[i - 1] && out.wordIn(i, DATE_WORDS)) {
                out.toWildcard(i);
            }
        }
        for (int i = out.count - 2; i >= 0; i--) {
            if (out.wild[i + 1] && out.wordIn(i, DATE_WORDS)) {
                out.toWildcard(i);
            }
        }
    }

    private static final WordSet UNITS = new WordSet(List.of("B", "KB", "MB", "GB", "TB", "PB", "kB", "KiB", "MiB",
            "GiB", "TiB", "bytes", "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "seconds", "min", "mins", "minutes",
            "h", "hrs", "hours", "%"));

    /** A unit after a number is part of the quantity: {@code 0 bytes}, {@code (1.16 KB)}, {@code <1 sec}. */
    private static void absorbUnits(Tokens out) {
        for (int i = 1; i < out.count; i++) {
            if (out.wild[i - 1] && out.wordIn(i, UNITS)) {
                out.toWildcard(i);
            }
        }
    }

    /** Adjacent variables are one: a date and time, a list of ids, an IPv6 address cut at its colons. */
    private static void collapse(Tokens out) {
        int w = 0;
        for (int r = 0; r < out.count; r++) {
            if (out.wild[r] && w > 0 && out.wild[w - 1]) {
                out.ends[w - 1] = out.ends[r];
                continue;
            }
            out.starts[w] = out.starts[r];
            out.ends[w] = out.ends[r];
            out.hashes[w] = out.hashes[r];
            out.wild[w] = out.wild[r];
            out.value[w] = out.value[r];
            w++;
        }
        out.count = w;
    }

    /** 64-bit FNV-1a of a span. */
    static long hash(String m, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int k = start; k < end; k++) {
            h = (h ^ m.charAt(k)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b' || c == '\u00a0'
                || c > 0x7f && Character.isWhitespace(c);
    }

    static boolean isDelimiter(char c) {
        return switch (c) {
            case '=', ':', ',', ';', '(', ')', '[', ']', '{', '}', '<', '>', '|' -> true;
            default -> false;
        };
    }

    private static boolean closes(char open, char close) {
        return open == '(' && close == ')' || open == '[' && close == ']' || open == '{' && close == '}'
                || open == '<' && close == '>';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c > 0x7f && Character.isDigit(c);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSchemeChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
    }

    /** A small fixed set of words, looked up by a span of the message without making a string. */
    static final class WordSet {
        private final long[] hashes;
        private final String[] words;

        WordSet(List<String> list) {
            String[] sorted = list.toArray(String[]::new);
            Arrays.sort(sorted, (a, b) -> Long.compare(hash(a, 0, a.length()), hash(b, 0, b.length())));
            words = sorted;
            hashes = new long[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                hashes[i] = hash(sorted[i], 0, sorted[i].length());
            }
        }

        /** The words and their upper-case forms ({@code JUN}, {@code FRI}). */
        static WordSet withUpperCase(List<String> list) {
            List<String> all = new ArrayList<>(list);
            for (String w : list) {
                String upper = w.toUpperCase(Locale.ROOT);
                if (!all.contains(upper)) {
                    all.add(upper);
                }
            }
            return new WordSet(all);
        }

        boolean contains(String m, int start, int end, long hash) {
            int i = Arrays.binarySearch(hashes, hash);
            if (i < 0) {
                return false;
            }
            String w = words[i];
            return w.length() == end - start && m.regionMatches(start, w, 0, w.length());
        }
    }
}
