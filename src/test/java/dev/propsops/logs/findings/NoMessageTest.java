package dev.propsops.logs.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoMessageTest {
    @ParameterizedTest
    @ValueSource(strings = {"Error: ", "Error:", "Error", "error", "Exception", "Exception: ", "None", "null", "NULL", "", "   ",
        "Error: None", "Error: null", "ValueError", "KeyError:", "java.lang.NullPointerException", "Error: RuntimeError",
        "undefined", "[object Object]", "Failed:", "Error: \n"})
    void saysNothing(String message) {
        assertThat(NoMessage.saysNothing(message)).as("'%s'", message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Error: prediction for player 203999 failed", "ValueError: feature vector has 31 values",
        "Failed to record metric: 403", "None of the lines had a prop", "Errors: 3", "KeyError: 'lebron-james'",
        "Timeout", "java.lang.NullPointerException: lineup is null", "Exception while scraping odds"})
    void saysSomething(String message) {
        assertThat(NoMessage.saysNothing(message)).as("'%s'", message).isFalse();
    }
}
