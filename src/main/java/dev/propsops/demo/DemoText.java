package dev.propsops.demo;

import java.io.PrintWriter;
import java.util.Locale;

/** How the demo writes: chapter titles, wrapped paragraphs, timings. */
final class DemoText {
    static final int WIDTH = 100;

    private DemoText() {
    }

    static void chapter(PrintWriter out, String title, String text) {
        out.println();
        out.println("=== " + title + " " + "=".repeat(Math.max(3, 76 - title.length())));
        if (!text.isEmpty()) {
            out.println(wrap(text, WIDTH));
        }
        out.println();
        out.flush();
    }

    static void paragraph(PrintWriter out, String text) {
        out.println(wrap(text, WIDTH));
        out.flush();
    }

    static void took(PrintWriter out, long startNanos) {
        out.printf(Locale.ROOT, "(took %.1fs)%n", (System.nanoTime() - startNanos) / 1e9);
    }

    static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append(System.lineSeparator());
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }

    static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
