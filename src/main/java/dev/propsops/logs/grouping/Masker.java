package dev.propsops.logs.grouping;

/**
 * Splits a message into tokens and masks the variable ones as {@link #WILDCARD}. A hand-written scanner
 * (no regular expressions): the miner must keep up with half a million messages a second.
 *
 * <p>First the message is cut at whitespace into chunks. A whole chunk is one variable when it is a URL
 * ({@code scheme://...}), an email address, a path ({@code /a/b}, {@code ~/a}, {@code C:\a}, or any chunk
 * with two or more {@code /}), or a quoted value without spaces ({@code 'x'}, {@code "x"}). Otherwise the
 * chunk is cut again at the punctuation that separates fields ({@code = : , ; ( ) [ ] { } < > |}); the
 * pieces lose surrounding quotes and a sentence's trailing {@code . ! ?}, and a piece is a variable when
 * it holds a digit. That one rule covers numbers, hex ({@code 0x1f}, {@code a489c868f0}), UUIDs, IPv4
 * addresses, dates and times (their {@code :} pieces are all digits), and ids with digits
 * ({@code blk_-1608}, {@code job_1445144423722_0020}). Adjacent variable pieces of one chunk become one
 * wildcard, so {@code 10.1.2.3:8080} or {@code 2016/9/27:20:30:31.455} is one variable however it is cut.
 *
 * <p>Not masked: words without digits, including hex-looking ones such as {@code cafe} (too many real
 * words are hex), single {@code /} words such as {@code and/or}, and the punctuation itself (dropped).
 */
public final class Masker {
    public static final String WILDCARD = "<*>";

    /**
     * The tokens of one message, reused from call to call: {@code token(i)} is a word or
     * {@link #WILDCARD}, {@code start(i)}/{@code end(i)} its span in the message (for rendering).
     */
    public static final class Tokens {
        private String[] tokens = new String[32];
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private int count;
        private String message = "";

        public int count() {
            return count;
        }

        public String token(int i) {
            return tokens[i];
        }

        public int start(int i) {
            return starts[i];
        }

        public int end(int i) {
            return ends[i];
        }

        public String message() {
            return message;
        }

        public boolean isWildcard(int i) {
            return tokens[i] == WILDCARD;
        }

        /** A copy of the tokens, for keeping. */
        public String[] toArray() {
            String[] copy = new String[count];
            System.arraycopy(tokens, 0, copy, 0, count);
            return copy;
        }

        void reset(String message) {
            this.message = message;
            count = 0;
        }

        void add(String token, int start, int end) {
            if (count == tokens.length) {
                int size = count * 2;
                tokens = java.util.Arrays.copyOf(tokens, size);
                starts = java.util.Arrays.copyOf(starts, size);
                ends = java.util.Arrays.copyOf(ends, size);
            }
            tokens[count] = token;
            starts[count] = start;
            ends[count] = end;
            count++;
        }

    }

    private final int maxTokens;

    public Masker() {
        this(MinerSettings.defaults().maxTokens());
    }

    /** @param maxTokens tokens past this many are not read: a bound on the work and memory per message */
    public Masker(int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        this.maxTokens = maxTokens;
    }

    /** Tokenizes {@code message} into {@code out} (cleared first). A null message is read as empty. */
    public void tokenize(String message, Tokens out) {
        String m = message == null ? "" : message;
        out.reset(m);
        int n = m.length();
        int rawLimit = maxTokens * 4; // wildcards collapse afterwards, so read more than the final bound
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
            chunk(m, start, i, out);
        }
        maskDateWords(out);
        absorbUnits(out);
        collapse(out);
        if (out.count > maxTokens) {
            out.count = maxTokens;
        }
    }

    /**
     * Month, weekday and time-zone names next to a variable are part of a date ({@code Fri Jun 17 07:07:00
     * 2005}, {@code 19:02:14 EST 2004}); elsewhere they are words ({@code it may not exist}).
     */
    private static void maskDateWords(Tokens out) {
        for (int pass = 0; pass < 2; pass++) {
            // forwards, then backwards: a run of names ("Fri Jun 17") is reached from either side
            for (int k = 0; k < out.count; k++) {
                int i = pass == 0 ? k : out.count - 1 - k;
                if (out.tokens[i] != WILDCARD && isDateWord(out.tokens[i])
                        && (i > 0 && out.tokens[i - 1] == WILDCARD || i + 1 < out.count && out.tokens[i + 1] == WILDCARD)) {
                    out.tokens[i] = WILDCARD;
                }
            }
        }
    }

    private static final java.util.Set<String> UNITS = java.util.Set.of("B", "KB", "MB", "GB", "TB", "PB", "kB", "KiB",
            "MiB", "GiB", "TiB", "bytes", "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "seconds", "min", "mins",
            "minutes", "h", "hrs", "hours", "%");

    /** A unit after a number is part of the quantity: {@code 0 bytes}, {@code (1.16 KB)}, {@code <1 sec}. */
    private static void absorbUnits(Tokens out) {
        for (int i = 1; i < out.count; i++) {
            if (out.tokens[i - 1] == WILDCARD && out.tokens[i] != WILDCARD && UNITS.contains(out.tokens[i])) {
                out.tokens[i] = WILDCARD;
            }
        }
    }

    /** Adjacent wildcards are one variable: {@code Jun 17 07:07:00 2005}, a list of ids, an IPv6 address. */
    private static void collapse(Tokens out) {
        int w = 0;
        for (int r = 0; r < out.count; r++) {
            if (out.tokens[r] == WILDCARD && w > 0 && out.tokens[w - 1] == WILDCARD) {
                out.ends[w - 1] = out.ends[r];
                continue;
            }
            out.tokens[w] = out.tokens[r];
            out.starts[w] = out.starts[r];
            out.ends[w] = out.ends[r];
            w++;
        }
        out.count = w;
    }

    private static final java.util.Set<String> DATE_WORDS = java.util.Set.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "January", "February", "March", "April", "June", "July", "August", "September", "October",
            "November", "December", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST", "BST", "JST",
            "AM", "PM");

    static boolean isDateWord(String word) {
        if (word.length() < 2 || word.length() > 9) {
            return false;
        }
        if (DATE_WORDS.contains(word)) {
            return true;
        }
        // JUN, FRI: the upper-case forms of the names
        String title = word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
        return !title.equals(word) && word.equals(word.toUpperCase(java.util.Locale.ROOT)) && DATE_WORDS.contains(title);
    }

    /** Convenience for tests and rendering: the tokens of {@code message} as an array. */
    public String[] tokens(String message) {
        Tokens t = new Tokens();
        tokenize(message, t);
        return t.toArray();
    }

    private void chunk(String m, int start, int end, Tokens out) {
        int path = start;
        while (path < end && (isQuote(m.charAt(path)) || m.charAt(path) == '(' || m.charAt(path) == '[')) {
            path++;
        }
        if (path + 1 < end && isPathStart(m, path)) {
            out.add(WILDCARD, path, end); // a path takes the whole chunk: its query string, its "a=b" parts
            return;
        }
        if (isHostPort(m, start, end)) {
            out.add(WILDCARD, start, end);
            return;
        }
        int url = urlStart(m, start, end);
        int i = start;
        int stop = url < 0 ? end : url;
        while (i < stop) {
            while (i < stop && isDelimiter(m.charAt(i))) {
                char c = m.charAt(i);
                if (i + 1 < stop && closes(c, m.charAt(i + 1))) {
                    out.add(WILDCARD, i, i + 2); // "()", "[]": an empty value is still a value
                    i += 2;
                    continue;
                }
                if (c == '=' && (i + 1 == stop || m.charAt(i + 1) == ',' || m.charAt(i + 1) == ';')) {
                    out.add(WILDCARD, i + 1, i + 1); // "logname= uid=0": the key has an empty value
                }
                i++;
            }
            if (i >= stop) {
                break;
            }
            int pieceStart = i;
            while (i < stop && !isDelimiter(m.charAt(i))) {
                i++;
            }
            piece(m, pieceStart, i, out);
        }
        if (url >= 0) {
            out.add(WILDCARD, url, end);
        }
    }

    /** {@code name.with.dots:443} (a trailing {@code ,} or {@code .} aside): a host and its port. */
    static boolean isHostPort(String m, int start, int end) {
        int e = end;
        while (e > start && (m.charAt(e - 1) == ',' || isSentenceEnd(m.charAt(e - 1)))) {
            e--;
        }
        int colon = m.lastIndexOf(':', e - 1);
        if (colon <= start || colon >= e - 1 || e - colon - 1 > 5) {
            return false;
        }
        for (int k = colon + 1; k < e; k++) {
            if (!isDigit(m.charAt(k))) {
                return false;
            }
        }
        boolean dot = false;
        for (int k = start; k < colon; k++) {
            char c = m.charAt(k);
            if (c == '.') {
                if (k == start || k == colon - 1) {
                    return false;
                }
                dot = true;
            } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return dot;
    }

    private static boolean closes(char open, char close) {
        return open == '(' && close == ')' || open == '[' && close == ']' || open == '{' && close == '}'
                || open == '<' && close == '>';
    }

    /** Where a {@code scheme://} URL starts in the chunk, or -1: the rest of the chunk is the URL. */
    static int urlStart(String m, int start, int end) {
        int k = m.indexOf("://", start);
        if (k < 0 || k + 3 > end) {
            return -1;
        }
        int u = k;
        while (u > start && isSchemeChar(m.charAt(u - 1))) {
            u--;
        }
        return u < k && Character.isLetter(m.charAt(u)) ? u : -1;
    }

    private static void piece(String m, int start, int end, Tokens out) {
        int s = start;
        int e = end;
        while (e > s && isSentenceEnd(m.charAt(e - 1))) {
            e--;
        }
        if (e - s >= 2 && isQuote(m.charAt(s)) && m.charAt(e - 1) == m.charAt(s)) {
            out.add(WILDCARD, s, e); // a quoted value
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
            out.add(WILDCARD, s, e);
        } else {
            out.add(m.substring(s, e), s, e);
        }
    }

    private static boolean isPathStart(String m, int i) {
        char c = m.charAt(i);
        return c == '/' || c == '\\' || c == '~' && m.charAt(i + 1) == '/'
                || i + 2 < m.length() && Character.isLetter(c) && m.charAt(i + 1) == ':' && m.charAt(i + 2) == '\\';
    }

    /** A piece with a digit, a path, an email address or a host name. */
    static boolean isVariable(String m, int start, int end) {
        char first = m.charAt(start);
        int len = end - start;
        if ((first == '/' || first == '\\') && len > 1 || first == '~' && len > 1 && m.charAt(start + 1) == '/') {
            return true;
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

    private static final java.util.Set<String> GENERIC_TLDS = java.util.Set.of("com", "net", "org", "edu", "gov",
            "mil", "int", "info", "biz", "io", "ai", "app", "dev", "cloud", "local", "internal", "localdomain", "arpa");

    /**
     * A host name: lower-case labels of letters, digits and {@code -} joined by dots, ending in a generic
     * top-level domain ({@code baidu.com}, {@code metadata.google.internal}) or in two letters after at
     * least two dots ({@code proxy.cse.cuhk.edu.hk}). Java packages and file names do not end so
     * ({@code org.apache.hadoop.ipc}, {@code cbscore.dll}).
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
        String tld = m.substring(labelStart, end);
        for (int k = 0; k < tld.length(); k++) {
            if (!Character.isLetter(tld.charAt(k))) {
                return false;
            }
        }
        return GENERIC_TLDS.contains(tld) || tld.length() == 2 && dots >= 2;
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

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.';
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

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c > 0x7f && Character.isDigit(c);
    }
}
