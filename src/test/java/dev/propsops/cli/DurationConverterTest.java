package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @ParameterizedTest
    @CsvSource({ "90s,PT1M30S", "45m,PT45M", "26h,PT26H", "30d,PT720H", "2w,PT336H", "PT26H,PT26H", "0s,PT0S",
            "500ms,PT0.5S", "' 1H ',PT1H" })
    void parses(String text, String iso) {
        assertThat(DurationConverter.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "soon", "-5m", "5 minutes", "PT-1H", "1y", "10000000000s" })
    void rejectsWithAnExample(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration").hasMessageContaining("26h");
    }

    @ParameterizedTest
    @CsvSource({ "PT26H,26h", "PT720H,30d", "PT90M,90m", "PT61S,61s" })
    void formatsShort(String iso, String text) {
        assertThat(DurationConverter.format(Duration.parse(iso))).isEqualTo(text);
    }
}
