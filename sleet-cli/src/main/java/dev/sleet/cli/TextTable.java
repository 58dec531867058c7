package dev.sleet.cli;

import dev.sleet.exec.Row;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints rows as a plain text table, as psql does. */
final class TextTable {

    private static final int MAX_WIDTH = 40;

    private TextTable() {
    }

    static void print(PrintStream out, List<Row> rows) {
        if (rows.isEmpty()) {
            out.println("  (no rows)");
            return;
        }
        List<String> headers = new ArrayList<>(rows.get(0).toMap().keySet());
        List<List<String>> cells = new ArrayList<>();
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (Row row : rows) {
            List<String> line = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Object> e : row.toMap().entrySet()) {
                String text = e.getValue() == null ? "∅" : e.getValue().toString();
                if (text.length() > MAX_WIDTH) {
                    text = text.substring(0, MAX_WIDTH - 1) + "…";
                }
                widths[i] = Math.max(widths[i], text.length());
                line.add(text);
                i++;
            }
            cells.add(line);
        }
        out.println("  " + line(headers, widths));
        StringBuilder rule = new StringBuilder("  ");
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> line : cells) {
            out.println("  " + line(line, widths));
        }
        out.println("  (" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(values.get(i)).append(" ".repeat(widths[i] - values.get(i).length()));
        }
        return sb.toString().stripTrailing();
    }
}
