package dev.propsops.repo.conventions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into commands and words the way a shell would, closely enough to read build and
 * deploy commands: quotes, backslash escapes and line continuations, comments, command separators
 * ({@code ; & | && || ( )} and newlines) and redirections (dropped with their target). Expansions
 * ({@code $x}, {@code ${x}}, {@code $(...)}, backticks) stay in the word as written, and the word is
 * marked dynamic.
 */
final class ShellWords {
    private ShellWords() {
    }

    /** A word with the line it starts on. */
    record Word(String text, int line, boolean dynamic) {
    }

    /** One simple command. */
    record Command(List<Word> words) {
        Command {
            words = List.copyOf(words);
        }

        int line() {
            return words.isEmpty() ? 0 : words.get(0).line();
        }

        String text(int i) {
            return i < words.size() ? words.get(i).text() : "";
        }
    }

    /** The commands of {@code text}, whose first line is line {@code firstLine} of its file. */
    static List<Command> parse(String text, int firstLine) {
        return new Tokenizer(text, firstLine).run();
    }

    private static final class Tokenizer {
        private final String s;
        private int i;
        private int line;
        private final List<Command> commands = new ArrayList<>();
        private List<Word> words = new ArrayList<>();
        private StringBuilder word;
        private int wordLine;
        private boolean dynamic;
        private boolean dropNext;

        Tokenizer(String s, int firstLine) {
            this.s = s;
            this.line = firstLine;
        }

        List<Command> run() {
            while (i < s.length()) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                            line++;
                            i += 2;
                        } else if (i + 2 < s.length() && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                            line++;
                            i += 3;
                        } else {
                            start();
                            if (i + 1 < s.length()) {
                                word.append(s.charAt(i + 1));
                            }
                            i += 2;
                        }
                    }
                    case '\'' -> {
                        start();
                        i++;
                        while (i < s.length() && s.charAt(i) != '\'') {
                            countLine(s.charAt(i));
                            word.append(s.charAt(i++));
                        }
                        i++;
                    }
                    case '"' -> doubleQuoted();
                    case '$' -> {
                        start();
                        expansion();
                    }
                    case '`' -> {
                        start();
                        dynamic = true;
                        int end = s.indexOf('`', i + 1);
                        end = end < 0 ? s.length() - 1 : end;
                        String inner = s.substring(i, end + 1);
                        inner.chars().forEach(ch -> countLine((char) ch));
                        word.append(inner);
                        i = end + 1;
                    }
                    case '#' -> {
                        if (word == null) {
                            while (i < s.length() && s.charAt(i) != '\n') {
                                i++;
                            }
                        } else {
                            word.append(c);
                            i++;
                        }
                    }
                    case ' ', '\t', '\r' -> {
                        end();
                        i++;
                    }
                    case '\n' -> {
                        end();
                        endCommand();
                        line++;
                        i++;
                    }
                    case ';', '|', '(', ')' -> {
                        end();
                        endCommand();
                        i++;
                    }
                    case '&' -> {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '>') {
                            redirect();
                        } else {
                            end();
                            endCommand();
                            i++;
                        }
                    }
                    case '<', '>' -> redirect();
                    default -> {
                        start();
                        word.append(c);
                        i++;
                    }
                }
            }
            end();
            endCommand();
            return commands;
        }

        private void doubleQuoted() {
            start();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char n = s.charAt(i + 1);
                    if (n == '\n') {
                        line++;
                    } else if (n == '"' || n == '\\' || n == '$' || n == '`') {
                        word.append(n);
                    } else {
                        word.append(c).append(n);
                    }
                    i += 2;
                } else if (c == '$') {
                    expansion();
                } else {
                    countLine(c);
                    word.append(c);
                    i++;
                }
            }
            i++;
        }

        /** $name, ${...} or $(...): kept as written. */
        private void expansion() {
            dynamic = true;
            if (i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                char open = s.charAt(i + 1);
                char close = open == '(' ? ')' : '}';
                int depth = 0;
                int j = i + 1;
                for (; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == open) {
                        depth++;
                    } else if (c == close && --depth == 0) {
                        break;
                    }
                }
                j = Math.min(j, s.length() - 1);
                String inner = s.substring(i, j + 1);
                inner.chars().forEach(ch -> countLine((char) ch));
                word.append(inner);
                i = j + 1;
                return;
            }
            word.append('$');
            i++;
        }

        /** A redirection: a file-descriptor number before it and the target after it are not words of the command. */
        private void redirect() {
            if (word != null && word.toString().chars().allMatch(Character::isDigit)) {
                word = null;
                dynamic = false;
            }
            end();
            while (i < s.length() && "<>&".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            dropNext = true;
        }

        private void countLine(char c) {
            if (c == '\n') {
                line++;
            }
        }

        private void start() {
            if (word == null) {
                word = new StringBuilder();
                wordLine = line;
                dynamic = false;
            }
        }

        private void end() {
            if (word != null) {
                if (dropNext) {
                    dropNext = false;
                } else {
                    words.add(new Word(word.toString(), wordLine, dynamic));
                }
                word = null;
            }
        }

        private void endCommand() {
            dropNext = false;
            if (!words.isEmpty()) {
                commands.add(new Command(words));
                words = new ArrayList<>();
            }
        }
    }
}
