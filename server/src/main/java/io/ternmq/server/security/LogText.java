package io.ternmq.server.security;

import org.jspecify.annotations.Nullable;

/** Client-chosen text (client id, user name) made safe for a log line: no control characters, bounded length. */
final class LogText {

    private static final int MAX = 128;

    private LogText() {
    }

    static String of(@Nullable String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 2).append('\'');
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX) {
            safe.append("...");
        }
        return safe.append('\'').toString();
    }
}
