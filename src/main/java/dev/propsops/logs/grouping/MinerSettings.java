package dev.propsops.logs.grouping;

/**
 * The miner's tunables. {@link #defaults()} is the one shipped configuration, chosen on all 16 Loghub-2k
 * datasets at once (src/bench/log-triage): there are no per-dataset settings.
 *
 * @param maxPatterns patterns one miner creates at most (a bound on memory); past it a message goes to the
 *     closest pattern of its skeleton, or to its token count's overflow pattern when no skeleton is similar
 * @param similarity share of the informative positions (0..1) at which a message must agree with a
 *     skeleton to join it
 * @param variableAfter distinct words at one position of a skeleton that make it a variable (at least 2)
 * @param valueVariableAfter the same for a position holding the value of a {@code key=value} pair, which is
 *     more often a variable than other words (at least 2)
 * @param maxTokens tokens read per message; the rest of a longer message is ignored
 * @param maxMessageChars characters of a message read; longer ones are cut (a bound on work per message)
 * @param cacheSize distinct masked messages remembered for the fast path (a bound on memory)
 */
public record MinerSettings(int maxPatterns, double similarity, int variableAfter, int valueVariableAfter,
        int maxTokens, int maxMessageChars, int cacheSize) {
    public MinerSettings {
        if (maxPatterns < 1) {
            throw new IllegalArgumentException("maxPatterns must be at least 1, was " + maxPatterns);
        }
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        if (variableAfter < 2) {
            throw new IllegalArgumentException("variableAfter must be at least 2, was " + variableAfter);
        }
        if (valueVariableAfter < 2) {
            throw new IllegalArgumentException("valueVariableAfter must be at least 2, was " + valueVariableAfter);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("maxMessageChars must be at least 1, was " + maxMessageChars);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must not be negative, was " + cacheSize);
        }
    }

    public static MinerSettings defaults() {
        return new MinerSettings(5_000, 0.5, 5, 4, 200, 2_048, 20_000);
    }

    public MinerSettings withMaxPatterns(int value) {
        return new MinerSettings(value, similarity, variableAfter, valueVariableAfter, maxTokens, maxMessageChars, cacheSize);
    }

    public MinerSettings withSimilarity(double value) {
        return new MinerSettings(maxPatterns, value, variableAfter, valueVariableAfter, maxTokens, maxMessageChars, cacheSize);
    }

    public MinerSettings withValueVariableAfter(int value) {
        return new MinerSettings(maxPatterns, similarity, variableAfter, value, maxTokens, maxMessageChars, cacheSize);
    }

    public MinerSettings withCacheSize(int value) {
        return new MinerSettings(maxPatterns, similarity, variableAfter, valueVariableAfter, maxTokens, maxMessageChars, value);
    }

    public MinerSettings withVariableAfter(int value) {
        return new MinerSettings(maxPatterns, similarity, value, valueVariableAfter, maxTokens, maxMessageChars, cacheSize);
    }
}
