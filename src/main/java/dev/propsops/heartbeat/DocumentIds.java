package dev.propsops.heartbeat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Firestore's rules for a document id (https://firebase.google.com/docs/firestore/quotas#collections_documents_and_fields).
 * A processor name is a document id, so it has to obey them.
 */
public final class DocumentIds {
    public static final int MAX_BYTES = 1_500;

    private DocumentIds() {
    }

    /**
     * Orders ids as Firestore orders document names: by Unicode code point (UTF-8 byte order), which differs
     * from {@link String#compareTo} for characters beyond U+FFFF.
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The rule {@code id} breaks, or empty when it is a valid document id. */
    public static Optional<String> violation(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (id.indexOf('/') >= 0) {
            return Optional.of("it contains '/', which separates path segments");
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of("it is '" + id + "', which Firestore does not allow");
        }
        if (id.length() >= 4 && id.startsWith("__") && id.endsWith("__")) {
            return Optional.of("it matches __.*__, which Firestore reserves");
        }
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("it is " + bytes + " bytes long, over Firestore's limit of 1,500 bytes");
        }
        return Optional.empty();
    }
}
