package dev.propsops.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Byte amounts as written on a command line: {@code 10GB}, {@code 500MB}, {@code 1.5TB}, or a plain number
 * of bytes. Units are powers of 1024, as BigQuery reports scanned bytes.
 */
public final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)?");
    private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        Matcher m = SIZE.matcher(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        if (m.matches()) {
            String unit = m.group(2) == null ? "B" : m.group(2).replace("I", "");
            int power = java.util.Arrays.asList(UNITS).indexOf(unit);
            double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
            if (bytes >= 1 && bytes < Long.MAX_VALUE) {
                return (long) bytes;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a byte amount: use e.g. 10GB, 500MB, 2TB or a number of bytes");
    }

    /** 10.0 GB, 512.0 MB, 800 B. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int power = Math.min(UNITS.length - 1, (int) (Math.log(bytes) / Math.log(1024)));
        return String.format(Locale.ROOT, "%.1f %s", bytes / Math.pow(1024, power), UNITS[power]);
    }
}
