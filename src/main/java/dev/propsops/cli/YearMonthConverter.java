package dev.propsops.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code YYYY-MM} months for --month, without picocli's reflective java.time support. */
public final class YearMonthConverter implements ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
        try {
            if (value != null && value.trim().matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value.trim());
            }
        } catch (DateTimeParseException e) {
            // the message below says what is expected
        }
        throw new TypeConversionException("'" + value + "' is not a month: use YYYY-MM, e.g. 2026-01");
    }
}
