package dev.propsops.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code YYYY-MM-DD} dates, without picocli's reflective java.time support (kept out of the native image). */
public final class LocalDateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date: use YYYY-MM-DD, e.g. 2026-02-01");
        }
    }
}
