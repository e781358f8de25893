package dev.propsops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class LibraryLogCondenserTest {
    private static ExtLogRecord record(String logger, String message, Throwable thrown, long millis) {
        ExtLogRecord r = new ExtLogRecord(Level.WARNING, message, ExtLogRecord.FormatStyle.MESSAGE_FORMAT, "test");
        r.setLoggerName(logger);
        r.setThrown(thrown);
        r.setMillis(millis);
        return r;
    }

    @Test
    void aLibraryWarningWithAStackTraceBecomesOneLine() {
        LibraryLogCondenser f = new LibraryLogCondenser(false);
        Exception e = new RuntimeException("Unable to resolve host firestore.googleapis.com",
                new UnknownHostException("firestore.googleapis.com: Name or service not known"));
        ExtLogRecord r = record("io.grpc.internal.ManagedChannelImpl", "[Channel<1>] Failed to resolve name.\nstatus=...", e, 1000);
        assertThat(f.isLoggable(r)).isTrue();
        assertThat(r.getThrown()).isNull();
        assertThat(r.getFormattedMessage()).isEqualTo("[Channel<1>] Failed to resolve name.: RuntimeException Unable to "
                + "resolve host firestore.googleapis.com <- UnknownHostException firestore.googleapis.com: Name or service not known");
    }

    @Test
    void theSameWarningWithinAMinuteIsDroppedThenShownAgain() {
        LibraryLogCondenser f = new LibraryLogCondenser(false);
        assertThat(f.isLoggable(record("io.grpc.X", "retry 1 failed", null, 0))).isTrue();
        assertThat(f.isLoggable(record("io.grpc.X", "retry 2 failed", null, 30_000))).isFalse();
        assertThat(f.isLoggable(record("io.grpc.X", "other thing", null, 30_000))).isTrue();
        assertThat(f.isLoggable(record("io.grpc.X", "retry 3 failed", null, 100_000))).isTrue();
    }

    @Test
    void ownRecordsAndDebugRunsAreLeftWhole() {
        Exception e = new IllegalStateException("boom");
        ExtLogRecord own = record("dev.propsops.heartbeat", "own", e, 0);
        assertThat(new LibraryLogCondenser(false).isLoggable(own)).isTrue();
        assertThat(own.getThrown()).isSameAs(e);
        ExtLogRecord lib = record("io.netty.Foo", "lib", e, 0);
        assertThat(new LibraryLogCondenser(true).isLoggable(lib)).isTrue();
        assertThat(lib.getThrown()).isSameAs(e);
        LogRecord plain = new LogRecord(Level.WARNING, "plain {0}");
        plain.setParameters(new Object[] { "x" });
        plain.setLoggerName("com.google.api.client.http.HttpTransport");
        plain.setThrown(e);
        assertThat(new LibraryLogCondenser(false).isLoggable(plain)).isTrue();
        assertThat(plain.getMessage()).isEqualTo("plain x: IllegalStateException boom");
    }
}
