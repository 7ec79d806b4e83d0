package com.m365backup.restore.app.web;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request of the hostile corpus, as bytes on the wire: a method, a path and query already percent-encoded (or
 * deliberately not), headers in order, an optional body (sent with a length, or chunked), and what was done to it:
 * the poison that must make the service refuse it, and the noise around it.
 */
final class HostileRequest {

    String method;
    String path;
    final List<String> query = new ArrayList<>();
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    boolean chunked;
    String poison = "";
    final List<String> noise = new ArrayList<>();

    HostileRequest(String method, String path) {
        this.method = method;
        this.path = path;
    }

    void header(String name, String value) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        headers.add(new String[]{name, value});
    }

    String header(String name) {
        return headers.stream().filter(header -> header[0].equalsIgnoreCase(name)).map(header -> header[1])
                .findFirst().orElse(null);
    }

    void body(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    String target() {
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target()).append(" HTTP/1.1\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null && chunked) {
            for (int at = 0; at < body.length; at += 700) {
                int size = Math.min(700, body.length - at);
                out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, size);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** Everything the client sent, raw and decoded, in lower case: what an answer may echo without leaking. */
    String sentText() {
        String raw = target() + " " + headers.stream().map(header -> header[0] + ": " + header[1]).toList() + " "
                + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        String decoded;
        try {
            decoded = URLDecoder.decode(target().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notDecodable) {
            decoded = "";
        }
        return (raw + " " + decoded).toLowerCase(Locale.ROOT);
    }

    /** A line to read in a failure: the poison, the noise, and the request with its long parts cut. */
    String described() {
        StringBuilder text = new StringBuilder("[").append(poison).append(" + ").append(noise).append("] ")
                .append(method).append(' ').append(cut(target(), 300));
        for (String[] header : headers) {
            String value = header[0].equalsIgnoreCase("Authorization") ? cut(header[1], 40) : cut(header[1], 120);
            text.append(" | ").append(header[0]).append(": ").append(value);
        }
        if (body != null) {
            text.append(" | body").append(chunked ? " (chunked) " : " ")
                    .append(cut(new String(body, StandardCharsets.UTF_8), 300));
        }
        return text.toString();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + ")";
    }
}
