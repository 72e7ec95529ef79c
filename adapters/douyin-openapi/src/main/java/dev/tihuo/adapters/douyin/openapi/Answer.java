package dev.tihuo.adapters.douyin.openapi;

/** A successful call: the {@code data} object of Douyin's answer and the {@code extra.logid} it carried ("-" if none). */
public record Answer<R>(R data, String logid) {}
