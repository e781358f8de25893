package dev.propsops.logs.source;

import dev.propsops.cli.StoreException;
import java.util.Optional;

/**
 * How a read went: how many entries it delivered, whether {@code --max-entries} cut it short, and the
 * failure that ended it early, if one did (the entries before it were delivered).
 *
 * @param entries entries delivered to the sink, malformed ones included
 * @param requests calls made to the source (pages for Cloud Logging; 0 for a file)
 * @param truncated true when the read stopped at the entry cap with more to read
 * @param failure what ended the read early
 */
public record ReadResult(long entries, long requests, boolean truncated, Optional<StoreException> failure) {
    public static ReadResult complete(long entries, long requests) {
        return new ReadResult(entries, requests, false, Optional.empty());
    }

    public boolean failed() {
        return failure.isPresent();
    }
}
