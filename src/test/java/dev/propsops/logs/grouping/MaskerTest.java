package dev.propsops.logs.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskerTest {
    private final Masker masker = new Masker();

    /** The tokens, joined by " | " so a CSV row can state them. */
    private String tokens(String message) {
        return String.join(" | ", masker.tokens(message));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
            "integer           # took 42 ms                                         # took | <*>",
            "decimal, negative # offset -3.25 applied                               # offset | <*> | applied",
            "hex               # flags 0x1f and 0XDEAD                              # flags | <*> | and | <*>",
            "hex digest        # base a489c868f0c37da93b76227c91bb03908ac0e742 kept # base | <*> | kept",
            "uuid              # instance b9000564-fe1a-409b-b8cc-1e88b294cd1d done # instance | <*> | done",
            "ISO timestamp     # at 2026-02-01T03:00:00.123Z ok                     # at | <*> | ok",
            "date and time     # at 2026-02-01 03:00:00,123 ok                      # at | <*> | ok",
            "date with slashes # on 2016/9/27:20:30:31.455 ok                       # on | <*> | ok",
            "syslog date       # at Fri Jun 17 07:07:00 2005 from x                 # at | <*> | from | x",
            "time zone         # released Fri Dec 10 19:02:14 EST 2004              # released | <*>",
            "upper-case month  # on 17 JUN 2026                                     # on | <*>",
            "IPv4              # from 10.1.2.3 ok                                   # from | <*> | ok",
            "IPv4 and port     # from 10.1.2.3:8080 ok                              # from | <*> | ok",
            "IPv6              # via fe80::c6b3:1ff:fecd:467f ok                    # via | <*> | ok",
            "IPv6 in brackets  # via (2607:F140:6000:0008:C6B3:01FF:FECD:467F) ok   # via | <*> | ok",
            "MAC address       # BSSID changed to 5c:50:15:bc:ed:ee                 # BSSID | changed | to | <*>",
            "email             # mail john.doe@example.com now                      # mail | <*> | now",
            "URL               # see https://example.com/a?b=c&d=1 now              # see | <*> | now",
            "URL after a key   # url=http://x.y/z now                               # url | <*> | now",
            "single quotes     # Permission 'monitoring.timeSeries.create' denied   # Permission | <*> | denied",
            "double quotes     # table \"nba_raw.odds\" missing                     # table | <*> | missing",
            "quoted with dot   # from host 'cp-1.slowvm1'.                          # from | host | <*>",
            "id with digits    # block blk_-1608999687919862906 lost                # block | <*> | lost",
            "job id            # job job_1445144423722_0020 done                    # job | <*> | done",
            "word with digit   # proxy SOCKS5                                       # proxy | <*>",
            "absolute path     # open /var/lib/nova/instances/x failed              # open | <*> | failed",
            "path with query   # GET /v2/servers/detail?all=True&since=x ok         # GET | <*> | ok",
            "windows path      # load C:\\Windows\\winsxs\\x.dll now                # load | <*> | now",
            "home path         # read ~/config now                                  # read | <*> | now",
            "relative path     # read a/b/c now                                     # read | <*> | now",
            "path after a key  # path=/tmp/x now                                    # path | <*> | now",
            "host name         # resolve proxy.cse.cuhk.edu.hk failed               # resolve | <*> | failed",
            "host, generic TLD # resolve baidu.com failed                           # resolve | <*> | failed",
            "host and port     # qa.sockets.stackexchange.com:443 error             # <*> | error",
            "unit after number # 1190 bytes (1.16 KB) sent                          # <*> | sent",
            "unit after lt     # lifetime <1 sec                                    # lifetime | <*>",
            "empty value       # logname= uid=0 ruser= rhost=x                      # logname | <*> | uid | <*> | ruser | <*> | rhost | x",
            "quoted value      # tag=\"View Lock\", name=x                          # tag | <*> | name | x",
            "empty brackets    # connection from x () at y                          # connection | from | x | <*> | at | y",
            "ids in a list     # name an14 an15 an16 an17                           # name | <*>",
            "unicode digits    # retries ٤٢ left                                    # retries | <*> | left",
    })
    void masksVariables(String kind, String message, String expected) {
        assertThat(tokens(message)).as(kind).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
            "plain words       # Connection reset by peer                # Connection | reset | by | peer",
            "punctuation       # Error: failed; retrying (later)         # Error | failed | retrying | later",
            "sentence end      # Skip. Done! Really?                     # Skip | Done | Really",
            "hex-looking words # cafe deadbeef face                      # cafe | deadbeef | face",
            "one slash         # read and/or write                       # read | and/or | write",
            "java class        # at org.apache.hadoop.ipc.Server failed  # at | org.apache.hadoop.ipc.Server | failed",
            "file names        # loaded cbscore.dll and app.py           # loaded | cbscore.dll | and | app.py",
            "month as a word   # it may not exist in May                 # it | may | not | exist | in | May",
            "unit away from n  # bytes sent in ms                        # bytes | sent | in | ms",
            "constants in =    # tty=NODEVssh ws=null                    # tty | NODEVssh | ws | null",
            "apostrophe        # can't connect                           # can't | connect",
            "dashes            # network-vif-plugged - E_FAIL            # network-vif-plugged | - | E_FAIL",
            "cyrillic          # Ошибка соединения                       # Ошибка | соединения",
            "CJK and emoji     # 数据 🔥 done                             # 数据 | 🔥 | done",
    })
    void keepsWords(String kind, String message, String expected) {
        assertThat(tokens(message)).as(kind).isEqualTo(expected);
    }

    @Test
    void emptyAndBlankMessagesHaveNoTokens() {
        assertThat(masker.tokens("")).isEmpty();
        assertThat(masker.tokens("   \t\n ")).isEmpty();
        assertThat(masker.tokens(null)).isEmpty();
        assertThat(masker.tokens("...")).isEmpty();
    }

    @Test
    void bareErrorsAreOneWord() {
        // the handoff's "Error: " entries: the word survives, the punctuation and the space do not
        assertThat(masker.tokens("Error: ")).containsExactly("Error");
        assertThat(masker.tokens("Error:")).containsExactly("Error");
        assertThat(masker.tokens("Exception")).containsExactly("Exception");
    }

    @Test
    void spansPointIntoTheMessage() {
        Masker.Tokens t = new Masker.Tokens();
        String message = "Took 19.05 seconds to spawn uid=7";
        masker.tokenize(message, t);
        assertThat(t.count()).isEqualTo(6);
        assertThat(message.substring(t.start(1), t.end(1))).isEqualTo("19.05 seconds");
        assertThat(t.isWildcard(1)).isTrue();
        assertThat(message.substring(t.start(3), t.end(3))).isEqualTo("spawn");
        assertThat(t.token(4)).isEqualTo("uid");
        assertThat(t.isValue(5)).isFalse(); // the value 7 is masked: a wildcard is not a word value
    }

    @Test
    void valuesOfKeysAreMarked() {
        Masker.Tokens t = new Masker.Tokens();
        masker.tokenize("ws=null name=com.android.phone plain", t);
        assertThat(t.toArray()).containsExactly("ws", "null", "name", "com.android.phone", "plain");
        assertThat(t.isValue(1)).isTrue();
        assertThat(t.isValue(3)).isTrue();
        assertThat(t.isValue(4)).isFalse();
    }

    @Test
    void shapesHashEqualExactlyWhenTheMaskedTokensAreEqual() {
        Masker.Tokens a = new Masker.Tokens();
        Masker.Tokens b = new Masker.Tokens();
        masker.tokenize("user 17 logged in from 10.0.0.1", a);
        masker.tokenize("user 99   logged in from 192.168.7.7", b);
        assertThat(a.shapeHash()).isEqualTo(b.shapeHash());
        masker.tokenize("user 99 logged out from 192.168.7.7", b);
        assertThat(a.shapeHash()).isNotEqualTo(b.shapeHash());
        // the same words, one of them a key's value: a different shape
        masker.tokenize("a b", a);
        masker.tokenize("a=b", b);
        assertThat(a.shapeHash()).isNotEqualTo(b.shapeHash());
        // "Aa" and "BB" have the same String.hashCode; the shape hash tells them apart
        masker.tokenize("Aa", a);
        masker.tokenize("BB", b);
        assertThat(a.shapeHash()).isNotEqualTo(b.shapeHash());
    }

    @Test
    void longMessagesAreCutAtTheTokenBound() {
        String words = "word ".repeat(10_000);
        assertThat(new Masker(50).tokens(words)).hasSize(50);
        // numbers collapse, so a long list of them is one token, however long
        assertThat(new Masker(50).tokens("ids " + "12 ".repeat(10_000) + "end")).hasSizeLessThanOrEqualTo(50);
        // one chunk without spaces: the bound holds inside a chunk too
        Masker.Tokens t = new Masker.Tokens();
        new Masker(50).tokenize("k,".repeat(1_000_000), t);
        assertThat(t.count()).isEqualTo(50);
        assertThatThrownBy(() -> new Masker(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTokens");
    }

    @Test
    void unclosedQuotesAndOddPunctuationDoNotBreakTheScan() {
        assertThat(masker.tokens("tag=\"never closed")).containsExactly("tag", "never", "closed");
        assertThat(masker.tokens("a=\"b c\" d")).containsExactly("a", "<*>", "d");
        // a key with an empty value, then punctuation only
        assertThat(masker.tokens("=== :: ,,, ((( ]]")).containsExactly("<*>");
        assertThat(masker.tokens("http:// x://")).containsExactly("<*>");
    }
}
