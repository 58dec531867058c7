package dev.sleet.kit.branch;

import java.util.Locale;

/** Byte counts as people read them, for branch sizes and copy progress. */
public final class Sizes {

    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB"};

    private Sizes() {
    }

    /**
     * Formats a size in binary units with one decimal: {@code 1.0 GB}, {@code 8.2 MB}, {@code 512 bytes}.
     *
     * @param bytes the size
     * @return the text
     */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
