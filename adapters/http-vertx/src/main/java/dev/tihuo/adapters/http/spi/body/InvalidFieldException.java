package dev.tihuo.adapters.http.spi.body;

/** A request field is missing or out of range; {@link #path()} names it as {@code sku_list[0].count}. */
public final class InvalidFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public InvalidFieldException(String path, String problem) {
        super("field " + path + " " + problem, null, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
