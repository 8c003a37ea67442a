package dev.squeeze.service;

/**
 * The answer of an image upload: the record, and whether it already existed (same content and params from the
 * same account), in which case nothing was optimized or charged.
 */
public record Upload(Image image, boolean deduplicated) {}
