package dev.propsops.logs.events;

import static dev.propsops.logs.LogFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.logs.source.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAssemblerTest {
    static final Instant T = Instant.parse("2026-01-31T12:00:00Z");
    static final String[] PYTHON = {
        "Traceback (most recent call last):",
        "  File \"/app/predictions/worker.py\", line 88, in handle",
        "    result = predict(player_id, game_id)",
        "  File \"/app/predictions/model.py\", line 41, in predict",
        "    return self.booster.predict(features)",
        "ValueError: feature vector has 31 values, expected 33",
    };
    static final String[] JAVA = {
        "java.lang.IllegalStateException: lineup for game 22500633 not published",
        "\tat dev.nba.lineups.LineupService.load(LineupService.java:120)",
        "\tat dev.nba.lineups.LineupJob.run(LineupJob.java:48)",
        "Caused by: java.io.IOException: 503 from upstream",
        "\tat dev.nba.http.Client.get(Client.java:77)",
        "\t... 2 more",
    };

    private final List<Event> events = new ArrayList<>();
    private final EventAssembler assembler = new EventAssembler(Duration.ofSeconds(2), 100, 50, events::add);

    private static List<LogEntry> lines(long firstIndex, Instant t, String instance, String... text) {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            out.add(entry(firstIndex + i, t.plusNanos(1000L * i), "prediction-worker", "prediction-worker-00042-abc", instance, text[i]));
        }
        return out;
    }

    private void feed(List<LogEntry> entries) {
        entries.forEach(e -> assembler.add(e, false));
        assembler.finish();
    }

    @Test
    void aPythonTracebackSplitIntoEntriesIsOneEventOldestFirst() {
        List<LogEntry> in = new ArrayList<>(lines(0, T, "i-1", PYTHON));
        in.add(entry(6, T.plusMillis(5), "prediction-worker", "prediction-worker-00042-abc", "i-1", "Prediction written"));
        feed(in);
        assertThat(events).hasSize(2);
        Event tb = events.stream().filter(Event::multiLine).findFirst().orElseThrow();
        assertThat(tb.lines()).containsExactly(PYTHON);
        assertThat(tb.indices()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(tb.first().index()).isZero();
        assertThat(events).filteredOn(e -> !e.multiLine()).singleElement().extracting(Event::text).isEqualTo("Prediction written");
    }

    @Test
    void theSameTracebackNewestFirstAsGcloudPrintsItIsTheSameEvent() {
        List<LogEntry> in = new ArrayList<>(lines(0, T, "i-1", PYTHON));
        in.add(0, entry(99, T.minusMillis(5), "prediction-worker", "prediction-worker-00042-abc", "i-1", "Loading features"));
        Collections.reverse(in);
        feed(in);
        Event tb = events.stream().filter(Event::multiLine).findFirst().orElseThrow();
        assertThat(tb.lines()).containsExactly(PYTHON);
        assertThat(tb.first().message()).isEqualTo(PYTHON[0]);
        assertThat(events).hasSize(2);
    }

    @Test
    void javaWithCausedByIsOneEvent() {
        feed(lines(0, T, "i-7", JAVA));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.lines()).containsExactly(JAVA);
            assertThat(e.entryCount()).isEqualTo(JAVA.length);
        });
    }

    @Test
    void interleavedInstancesKeepTheirOwnTracebacks() {
        List<LogEntry> a = lines(0, T, "i-a", PYTHON);
        List<LogEntry> b = lines(100, T.plusNanos(500), "i-b", JAVA);
        List<LogEntry> in = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                in.add(a.get(i));
            }
            if (i < b.size()) {
                in.add(b.get(i));
            }
        }
        feed(in);
        assertThat(events).hasSize(2);
        assertThat(events).extracting(e -> e.lines().size()).containsExactlyInAnyOrder(PYTHON.length, JAVA.length);
    }

    @Test
    void entriesWithoutAnInstanceAreNeverJoined() {
        feed(lines(0, T, "", PYTHON));
        assertThat(events).hasSize(PYTHON.length).allMatch(e -> !e.multiLine());
    }

    @Test
    void linesFurtherApartThanTheGapAreSeparateEvents() {
        List<LogEntry> in = new ArrayList<>(lines(0, T, "i-1", PYTHON[0], PYTHON[1]));
        in.add(entry(2, T.plusSeconds(10), "prediction-worker", "prediction-worker-00042-abc", "i-1", PYTHON[2]));
        feed(in);
        assertThat(events).extracting(e -> e.lines().size()).containsExactly(2, 1);
    }

    @Test
    void chainedExceptionsWithBlankLinesStayTogether() {
        String[] chained = {
            "Traceback (most recent call last):",
            "  File \"/app/a.py\", line 3, in load",
            "    return cache[key]",
            "KeyError: 'lebron-james'",
            "",
            "During handling of the above exception, another exception occurred:",
            "",
            "Traceback (most recent call last):",
            "  File \"/app/a.py\", line 9, in handle",
            "    load(key)",
            "RuntimeError: no features for lebron-james",
        };
        feed(lines(0, T, "i-1", chained));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.lines()).containsExactly(chained));
        List<Event> reversed = new ArrayList<>();
        EventAssembler desc = new EventAssembler(Duration.ofSeconds(2), 100, 50, reversed::add);
        List<LogEntry> in = new ArrayList<>(lines(0, T, "i-1", chained));
        Collections.reverse(in);
        in.forEach(e -> desc.add(e, false));
        desc.finish();
        assertThat(reversed).singleElement().satisfies(e -> assertThat(e.lines()).containsExactly(chained));
    }

    @Test
    void aTracebackHeaderAfterAnOrdinaryLineStartsItsOwnEvent() {
        List<LogEntry> in = new ArrayList<>();
        in.add(entry(0, T, "prediction-worker", "r", "i-1", "Error: "));
        in.addAll(lines(1, T.plusMillis(1), "i-1", PYTHON));
        feed(in);
        assertThat(events).extracting(Event::text).contains("Error: ");
        assertThat(events).hasSize(2);
    }

    @Test
    void anEventStopsAtTheLineCap() {
        String[] many = new String[60];
        many[0] = "java.lang.StackOverflowError";
        Arrays.fill(many, 1, many.length, "\tat dev.nba.Recursion.deeper(Recursion.java:10)");
        feed(lines(0, T, "i-1", many));
        assertThat(events).extracting(e -> e.lines().size()).containsExactly(50, 10);
        assertThat(events.get(0).cut()).isTrue();
    }

    @Test
    void openEventsAreBoundedByMaxOpen() {
        List<Event> out = new ArrayList<>();
        EventAssembler small = new EventAssembler(Duration.ofHours(1), 3, 50, out::add);
        for (int i = 0; i < 10; i++) {
            small.add(entry(i, T, "s", "r", "instance-" + i, "Traceback (most recent call last):"), false);
            assertThat(small.openEvents()).isLessThanOrEqualTo(3);
        }
        small.finish();
        assertThat(out).hasSize(10);
        assertThat(small.openEvents()).isZero();
    }

    @Test
    void theBaselineAndTheWindowAreNotJoined() {
        List<LogEntry> in = lines(0, T, "i-1", JAVA);
        for (int i = 0; i < in.size(); i++) {
            assembler.add(in.get(i), i >= 2);
        }
        assembler.finish();
        assertThat(events).hasSize(2);
        assertThat(events).extracting(Event::baseline).containsExactlyInAnyOrder(false, true);
    }
}
