package dev.tihuo.adapters.douyin.openapi.dto;

/** The {@code data} of a call whose answer carries nothing but its status (G5, O2...). */
public record Ack(Long errorCode, String description) {}
