package dev.propsops.repo.conventions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.cli.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as Docker reads it: instructions with the line they start on (continuation lines
 * joined, comment lines inside them dropped, the {@code # escape=} directive honoured), and the comment
 * block at its top, where the repository's Dockerfiles say how they are built.
 */
final class Dockerfile {
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*(syntax|escape|check)\\s*=.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ESCAPE = Pattern.compile("#\\s*escape\\s*=\\s*(\\S)", Pattern.CASE_INSENSITIVE);

    /** One instruction: its keyword in upper case and its arguments as one line. */
    record Instruction(String keyword, String args, int line) {
    }

    /** A header comment line, without its '#', continuation lines joined. */
    record Comment(String text, int line) {
    }

    final String path;
    final List<Instruction> instructions;
    final List<Comment> header;

    private Dockerfile(String path, List<Instruction> instructions, List<Comment> header) {
        this.path = path;
        this.instructions = List.copyOf(instructions);
        this.header = List.copyOf(header);
    }

    static Dockerfile parse(String path, String text) {
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        List<Comment> header = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        boolean inHeader = true;
        StringBuilder pending = null;
        int pendingLine = 0;
        StringBuilder comment = null;
        int commentLine = 0;
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n];
            String t = raw.strip();
            if (t.startsWith("#")) {
                Matcher esc = ESCAPE.matcher(t);
                if (inHeader && instructions.isEmpty() && pending == null && esc.matches()) {
                    escape = esc.group(1).charAt(0);
                }
                if (inHeader && pending == null && !DIRECTIVE.matcher(t).matches()) {
                    String body = t.substring(1).strip();
                    if (comment == null) {
                        comment = new StringBuilder();
                        commentLine = n + 1;
                    }
                    if (body.endsWith("\\")) {
                        comment.append(body.substring(0, body.length() - 1).strip()).append(' ');
                    } else {
                        header.add(new Comment(comment.append(body).toString().strip(), commentLine));
                        comment = null;
                    }
                }
                continue; // comment lines are dropped, also inside a continued instruction
            }
            if (t.isEmpty()) {
                continue;
            }
            if (comment != null) {
                header.add(new Comment(comment.toString().strip(), commentLine));
                comment = null;
            }
            inHeader = false;
            boolean continues = t.charAt(t.length() - 1) == escape;
            String body = continues ? t.substring(0, t.length() - 1) : t;
            if (pending == null) {
                pending = new StringBuilder(body);
                pendingLine = n + 1;
            } else {
                pending.append(' ').append(body);
            }
            if (!continues) {
                instructions.add(instruction(pending.toString(), pendingLine));
                pending = null;
            }
        }
        if (pending != null) {
            instructions.add(instruction(pending.toString(), pendingLine));
        }
        if (comment != null) {
            header.add(new Comment(comment.toString().strip(), commentLine));
        }
        return new Dockerfile(path, instructions, header);
    }

    private static Instruction instruction(String text, int line) {
        String t = text.strip();
        int space = indexOfSpace(t);
        String keyword = (space < 0 ? t : t.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : t.substring(space + 1).strip().replaceAll("\\s+", " ");
        return new Instruction(keyword, args, line);
    }

    private static int indexOfSpace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The content as Docker sees it: keywords in upper case, whitespace collapsed, comments gone. */
    String normalized() {
        StringBuilder b = new StringBuilder();
        for (Instruction i : instructions) {
            b.append(i.keyword()).append(' ').append(i.args()).append('\n');
        }
        return b.toString();
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The names ENV sets (fixed in the image, though a deployment can still override them). */
    Set<String> envNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Instruction i : all("ENV")) {
            Matcher m = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)(?:=|\\s|$)").matcher(i.args());
            if (!i.args().contains("=")) {
                if (m.find()) {
                    names.add(m.group(1)); // legacy form: ENV NAME value
                }
                continue;
            }
            Matcher kv = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=").matcher(i.args());
            while (kv.find()) {
                names.add(kv.group(1));
            }
        }
        return names;
    }

    /** A COPY or ADD that reads the build context: its sources, with the instruction's line. */
    record ContextCopy(List<String> sources, int line) {
    }

    List<ContextCopy> contextCopies() {
        List<ContextCopy> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (!i.keyword().equals("COPY") && !i.keyword().equals("ADD")) {
                continue;
            }
            List<String> words = new ArrayList<>();
            String rest = i.args();
            boolean fromStage = false;
            while (rest.startsWith("--")) {
                int sp = rest.indexOf(' ');
                String flag = sp < 0 ? rest : rest.substring(0, sp);
                fromStage |= flag.startsWith("--from");
                rest = sp < 0 ? "" : rest.substring(sp + 1).strip();
            }
            if (fromStage) {
                continue;
            }
            Optional<List<String>> json = jsonArray(rest);
            if (json.isPresent()) {
                words.addAll(json.get());
            } else {
                words.addAll(List.of(rest.split(" ")));
            }
            words.removeIf(String::isBlank);
            if (words.size() < 2 || rest.startsWith("<<")) {
                continue;
            }
            List<String> sources = words.subList(0, words.size() - 1).stream()
                    .filter(w -> !w.contains("://") && !w.startsWith("git@") && !w.startsWith("$")).toList();
            if (!sources.isEmpty()) {
                out.add(new ContextCopy(sources, i.line()));
            }
        }
        return out;
    }

    /** The words of an exec-form argument list ({@code ["a", "b"]}), if that is what it is. */
    static Optional<List<String>> jsonArray(String args) {
        String t = args.strip();
        if (!t.startsWith("[")) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.mapper().readTree(t);
            if (!n.isArray()) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    return Optional.empty();
                }
                out.add(e.asText());
            }
            return Optional.of(out);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The Dockerfile's folder ("" at the root), with a trailing '/'. */
    String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
