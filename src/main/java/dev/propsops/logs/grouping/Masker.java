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

        /** Widens the last token (a wildcard) to end at {@code end}: adjacent variable pieces are one. */
        void extendLast(int end) {
            ends[count - 1] = end;
        }

        boolean lastIsWildcardOfChunk(int chunkStart) {
            return count > 0 && tokens[count - 1] == WILDCARD && starts[count - 1] >= chunkStart;
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
        int i = 0;
        while (i < n && out.count < maxTokens) {
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
        if (out.count > maxTokens) {
            out.count = maxTokens;
        }
    }

    /** Convenience for tests and rendering: the tokens of {@code message} as an array. */
    public String[] tokens(String message) {
        Tokens t = new Tokens();
        tokenize(message, t);
        return t.toArray();
    }

    private void chunk(String m, int start, int end, Tokens out) {
        int url = urlStart(m, start, end);
        int i = start;
        int stop = url < 0 ? end : url;
        while (i < stop) {
            while (i < stop && isDelimiter(m.charAt(i))) {
                i++;
            }
            if (i >= stop) {
                break;
            }
            int pieceStart = i;
            while (i < stop && !isDelimiter(m.charAt(i))) {
                i++;
            }
            piece(m, pieceStart, i, start, out);
        }
        if (url >= 0) {
            addVariable(out, url, end, start);
        }
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

    private static void piece(String m, int start, int end, int chunkStart, Tokens out) {
        int s = start;
        int e = end;
        while (e > s && isSentenceEnd(m.charAt(e - 1))) {
            e--;
        }
        if (e - s >= 2 && isQuote(m.charAt(s)) && m.charAt(e - 1) == m.charAt(s)) {
            addVariable(out, s, e, chunkStart); // a quoted value
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
            addVariable(out, s, e, chunkStart);
        } else {
            out.add(m.substring(s, e), s, e);
        }
    }

    /** A piece with a digit, a path or an email address. */
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
        return slashes >= 2 || at > start && isEmailDomain(m, at + 1, end);
    }

    private static void addVariable(Tokens out, int start, int end, int chunkStart) {
        if (out.lastIsWildcardOfChunk(chunkStart)) {
            out.extendLast(end);
        } else {
            out.add(WILDCARD, start, end);
        }
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
