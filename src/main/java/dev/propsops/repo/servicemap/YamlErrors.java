package dev.propsops.repo.servicemap;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where a YAML file is broken and why, in one line. SnakeYAML knows the line of the problem itself;
 * Jackson's location may be where the broken construct began.
 */
public final class YamlErrors {
    private YamlErrors() {
    }

    /** The line (from 1) of the problem, 0 when unknown. */
    public static int line(JsonProcessingException e) {
        MarkedYAMLException marked = marked(e);
        if (marked != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** What is wrong, on one line. */
    public static String message(JsonProcessingException e) {
        MarkedYAMLException marked = marked(e);
        String m = marked != null && marked.getProblem() != null ? marked.getProblem()
                : e.getOriginalMessage() != null ? e.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                return m;
            }
        }
        return null;
    }
}
