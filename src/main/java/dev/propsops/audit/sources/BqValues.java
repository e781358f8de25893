package dev.propsops.audit.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Values as {@code bq --format=json} and gcloud print them, read leniently: numbers and booleans may be
 * strings ({@code "123"}, {@code "true"}), NULL may be {@code null} or the string {@code "null"}, and
 * timestamps come as {@code 2026-11-30 10:00:00.123456 UTC}, without the fraction or the zone, as ISO-8601,
 * or as epoch seconds ({@code "1.7648e9"}). A value that is there but cannot be read is an
 * {@link IllegalArgumentException} saying what it was.
 */
public final class BqValues {
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private BqValues() {
    }

    public static boolean isNull(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || n.isTextual() && (n.asText().isBlank() || n.asText().equalsIgnoreCase("null"));
    }

    public static Optional<String> text(JsonNode n) {
        return isNull(n) || !n.isValueNode() ? Optional.empty() : Optional.of(n.asText().trim());
    }

    public static long number(JsonNode n, String field) {
        if (isNull(n)) {
            return 0;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        try {
            return new BigDecimal(n.asText().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " = " + n + " is not a whole number");
        }
    }

    public static boolean bool(JsonNode n, String field) {
        if (isNull(n)) {
            return false;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        String t = n.asText().trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(field + " = " + n + " is not a boolean");
        };
    }

    public static Optional<Instant> timestamp(JsonNode n, String field) {
        if (isNull(n)) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            return Optional.of(epochSeconds(n.decimalValue()));
        }
        String t = n.asText().trim();
        try {
            if (t.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return Optional.of(epochSeconds(new BigDecimal(t)));
            }
            String s = t;
            ZoneOffset zone = ZoneOffset.UTC;
            if (s.endsWith(" UTC") || s.endsWith("UTC")) {
                s = s.substring(0, s.lastIndexOf("UTC")).trim();
            } else if (s.endsWith("Z")) {
                s = s.substring(0, s.length() - 1);
            } else if (s.matches(".*[+-][0-9]{2}:?[0-9]{2}$") && s.length() > 10) {
                return Optional.of(OffsetDateTime.parse(s.replace(' ', 'T').replaceAll("([+-][0-9]{2})([0-9]{2})$", "$1:$2"))
                        .toInstant());
            }
            return Optional.of(LocalDateTime.parse(s, SPACED).toInstant(zone));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " = " + n + " is not a timestamp");
        }
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal micros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP);
        long m = micros.longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1_000L);
    }

    /** A JSON value that bq may also print as a string holding JSON (e.g. a REPEATED RECORD). */
    public static JsonNode structured(JsonNode n) {
        if (n != null && n.isTextual() && (n.asText().trim().startsWith("[") || n.asText().trim().startsWith("{"))) {
            try {
                return Json.mapper().readTree(n.asText());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("not JSON: " + n.asText());
            }
        }
        return n;
    }
}
