package com.m365backup.restore.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes exactly as written to the application under test, over a plain socket on the loopback interface, for
 * what an HTTP client library refuses to send (a forged {@code Host}, {@code CONNECT}, {@code HTTP/2.0} in the request
 * line, UTF-8 in a header, a malformed path), and reads the one answer, the connection closed after it.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 10_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request of a request line, headers (each "Name: value", joined by CRLF) and an optional body. */
    public Response send(String requestLine, String headers, String body) {
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        if (!headers.isEmpty()) {
            head.append(headers).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(bodyBytes);
        return exchange(request.toByteArray());
    }

    /** Exactly these bytes, and the answer. */
    public Response exchange(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int count = in.read(chunk); count >= 0; count = in.read(chunk)) {
                answer.write(chunk, 0, count);
            }
        } catch (SocketTimeoutException stillOpen) {
            // An answer with a length and a connection kept open: what came is the answer.
        } catch (IOException reset) {
            // The server may reset a connection whose request it refused; what came is the answer.
        }
        return answer.toByteArray();
    }

    /** The status, the headers (names in lower case) and the body of an answer. */
    public record Response(int status, Map<String, String> headers, String body) {

        static Response parse(byte[] raw) {
            Response response = parseOne(raw);
            // An interim answer (100 Continue) comes before the one that counts.
            while (response.status() < 200) {
                int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
                raw = Arrays.copyOfRange(raw, end + 4, raw.length);
                response = parseOne(raw);
            }
            return response;
        }

        private static Response parseOne(byte[] raw) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (end < 0) {
                throw new IllegalStateException("No HTTP answer: '" + new String(raw, StandardCharsets.UTF_8) + "'");
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunked(byte[] body) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            byte[] lineBreak = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < body.length) {
                int lineEnd = indexOf(body, lineBreak, at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
                if (size == 0) {
                    break;
                }
                whole.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
                at = lineEnd + 2 + size + 2;
            }
            return whole.toByteArray();
        }

        private static int indexOf(byte[] bytes, byte[] sought, int from) {
            for (int i = from; i <= bytes.length - sought.length; i++) {
                if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
                    return i;
                }
            }
            return -1;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException failure) {
                throw new UncheckedIOException("Not JSON: " + body, failure);
            }
        }
    }
}
