package dev.squeeze.service;

/** A file to send back: its name, content type and bytes (a zip, or one image file). */
public record Download(String filename, String contentType, byte[] data) {}
