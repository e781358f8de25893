package dev.propsops.repo.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What counts as picking the service at run time, and what does not. */
class RuntimeSelectionRuleTest {
    static String why(String command) {
        return RuntimeSelectionRule.selects(command, Set.of("APP_HOME", "SERVICE"), false).orElse(null);
    }

    @Test
    void branchingOrBuildingTheProgramFromAServiceVariable() {
        assertThat(why("if [ \"$SERVICE\" = \"scrapers\" ]; then python scrapers/main.py; fi")).contains("branches on $SERVICE");
        assertThat(why("case $MODE in api) exec api ;; worker) exec worker ;; esac")).contains("branches on $MODE (case)");
        assertThat(why("[[ ${TARGET} == raw ]] && python raw.py")).contains("$TARGET");
        assertThat(why("exec python ${SERVICE}/main.py")).contains("path or module comes from $SERVICE", "ENV gives it a default");
        assertThat(why("exec gunicorn --bind :$PORT \"${APP_MODULE}:app\"")).contains("$APP_MODULE");
        assertThat(why("python -m $K_SERVICE")).as("Cloud Run's own service name").contains("$K_SERVICE");
        assertThat(why("/app/bin/$PROCESSOR_NAME")).contains("$PROCESSOR_NAME");
    }

    @Test
    void fixedProgramsAreFine() {
        assertThat(why("python /app/main.py")).isNull();
        assertThat(why("gunicorn --bind :$PORT --workers 2 main:app")).isNull();
        assertThat(why("python $APP_HOME/main.py")).as("a place, not a choice").isNull();
        assertThat(why("if [ \"$DEBUG\" = 1 ]; then set -x; fi; exec python main.py")).isNull();
        assertThat(why("/work/props-ops drift-check --sport nba")).isNull();
        assertThat(why("java $JAVA_OPTS -jar app.jar --service-name=$SERVICE")).as("a value passed to one program").isNull();
    }

    @Test
    void inAnEntrypointScriptOnlyServiceLikeVariablesCount() {
        assertThat(RuntimeSelectionRule.selects("case \"$1\" in start) run ;; esac", Set.of(), true)).isEmpty();
        assertThat(RuntimeSelectionRule.selects("if [ \"$LOG_FORMAT\" = json ]; then x; fi", Set.of(), true)).isEmpty();
        assertThat(RuntimeSelectionRule.selects("case \"$SERVICE\" in a) a ;; esac", Set.of(), true)).isPresent();
    }
}
