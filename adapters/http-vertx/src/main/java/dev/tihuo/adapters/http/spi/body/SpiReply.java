package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A successful reply: its fields are written inside {@code data} next to {@code error_code: 0}.
 * Fields named {@code error_code} or {@code description} are never taken from the reply.
 */
public interface SpiReply {
    /** The {@code data.description} of a successful answer. */
    @JsonIgnore
    default String successDescription() {
        return "success";
    }
}
