package dev.tihuo.adapters.http.spi;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Douyin's {@code X-Bytedance-Logid}, made safe to log; a local one when Douyin sent none. */
public final class Logids {
    public static final String HEADER = "X-Bytedance-Logid";
    /** SLF4J MDC keys set while a request is processed (event loop and worker). */
    public static final String MDC_LOGID = "logid";
    public static final String MDC_CLIENT_KEY = "client_key";
    public static final String MDC_ROUTE = "spi";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LENGTH = 128;

    private Logids() {}

    /** Keeps letters, digits and {@code . _ - :}; anything else becomes {@code _}; at most 128 characters. */
    public static String fromHeader(String header) {
        if (header == null || header.isBlank()) {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            return "local-" + HexFormat.of().formatHex(bytes);
        }
        return loggable(header.trim(), MAX_LENGTH);
    }

    /** Text from the request made safe for a log line: no control characters, bounded length. */
    public static String loggable(String text, int maxLength) {
        if (text == null) {
            return "-";
        }
        String bounded = text.length() > maxLength ? text.substring(0, maxLength) : text;
        StringBuilder out = new StringBuilder(bounded.length());
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == ':' || c == '/';
            out.append(safe ? c : '_');
        }
        return out.toString();
    }
}
