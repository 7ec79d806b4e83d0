package com.m365backup.restore.app.web;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The kinds of text an attacker puts where the service expects an id, a time, a name or a number, drawn at random
 * (from a seeded {@link Random}) from lists and from generators: injection strings (SQL, OData, JSON, path
 * traversal), unicode of every plane, control characters, lengths at the edges, numbers and times at the edges.
 */
final class HostileValues {

    static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE domain_event_entry; --",
            "1; select pg_sleep(5)", "\" OR \"\"=\"", "' UNION SELECT payload FROM domain_event_entry --",
            "$$; COPY restore_session TO PROGRAM 'id'; $$", "E'\\\\x00'", "\\'; --", "%' AND 1=0 --",
            "1' AND (SELECT count(*) FROM token_entry) > 0 --");
    static final List<String> ODATA = List.of("status eq 'draft' or 1 eq 1", "contains(status,'a')",
            "startswith(id,'0')", "status in ('draft','active')", "$filter=status eq 'draft'", "')",
            "createdDateTime gt 2026-01-01T00:00:00Z", "status eq 'draft' and (1 eq 1", "id eq null",
            "tenantId eq '00000000-0000-0000-0000-000000000002'", "status eq '", "not status eq 'draft'",
            "$metadata#solutions", "@odata.context", "status eq 'failed'", "length(id) gt 0");
    static final List<String> JSON = List.of("{\"a\":1}", "\"}", "]]", "{\"$ref\":\"x\"}", "null", "[]", "{}",
            "\\u0000", "{\"mailboxRestoreArtifacts@delta\":[]}", "true", "-0", "\"\\ud800\"");
    static final List<String> TRAVERSAL = List.of("../", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/",
            "....//", "..;/", "%252e%252e%252f", "..\\..\\windows", "/./", "~root", "%c0%ae%c0%ae/",
            "file:///etc/passwd", "http://evil.example.com/restorePoints/x");
    static final List<String> UNICODE = List.of("日本語", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202Eevil\u202C", "zero\u200Bwidth",
            "e\u0301\u0301\u0301", "😀🙈", "\uFEFFbom", "Ω≈ç√∫", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629",
            "\uD800", "\uDFFF\uD800", "\uFFFF", "\u00A0", "İstanbul", "ß", "ǅ");
    static final List<String> CONTROL = List.of("\u0000", "a\u0000b", "\u0001\u0002\u0003", "\r\n", "\t",
            "\u007F", "\u009B", "\u001B[2J", "line\nbreak", "\b\f");
    static final List<String> NUMBERS = List.of("-1", "0", "1001", "2147483648", "9223372036854775808", "1e308",
            "NaN", "Infinity", "-0", "0x10", "1.5", "١٢", "+5", "5 ", " 5", "00000000001", "1e3");
    static final List<String> TIMES = List.of("0000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "+1000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
            "9999-12-31T23:59:60Z", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01",
            "2026-01-01T00:00:00+25:00", "1e308", "", "now", "2026-01-01T00:00:00.0000000000Z",
            "+999999999-12-31T23:59:59.999999999-18:00", "-0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z ",
            "2026-13-01T00:00:00Z", "2026-01-01T24:00:01Z", "-1000000-01-01T00:00:00Z");
    /** Within the range a client may name: refused only where a time is no value at all. */
    static final List<String> EDGE_TIMES = List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z", "2026-06-30T23:59:60Z");

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    /** Any hostile text: never a well-formed session id, never the exact value a field expects. */
    String text() {
        return switch (random.nextInt(11)) {
            case 0 -> pick(SQL);
            case 1 -> pick(ODATA);
            case 2 -> pick(JSON);
            case 3 -> pick(TRAVERSAL);
            case 4 -> pick(UNICODE);
            case 5 -> pick(CONTROL);
            case 6 -> pick(NUMBERS);
            case 7 -> pick(TIMES);
            case 8 -> sized();
            case 9 -> randomUnicode(1 + random.nextInt(40));
            default -> almostAGuid();
        };
    }

    /** Text of a length at an edge: empty, one, the 255/256 boundary of the read model's columns, long. */
    String sized() {
        int length = pick(List.of(0, 1, 254, 255, 256, 257, 1024, 4096));
        return String.valueOf((char) ('a' + random.nextInt(26))).repeat(length);
    }

    /** Code points from every plane, control and private use included, surrogates as they fall. */
    String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int point = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x800 + random.nextInt(0xF800);
                case 3 -> 0x10000 + random.nextInt(0x100000);
                case 4 -> random.nextInt(0x20);
                default -> 0xD800 + random.nextInt(0x800);
            };
            if (point >= 0xD800 && point <= 0xDFFF) {
                text.append((char) point);
            } else {
                text.appendCodePoint(point);
            }
        }
        return text.toString();
    }

    /** A GUID with something wrong: too short, a letter out of range, braces, garbage after it. */
    String almostAGuid() {
        String guid = UUID.randomUUID().toString();
        return switch (random.nextInt(7)) {
            case 0 -> guid.substring(1);
            case 1 -> guid.replace('-', '_');
            case 2 -> "{" + guid + "}";
            case 3 -> guid + "'--";
            case 4 -> guid.substring(0, 35) + "g";
            case 5 -> guid + "/" + guid;
            default -> guid.replace("-", "");
        };
    }

    /** A time that is no time a client may name: malformed, or beyond years 0001 to 9999. */
    String badTime() {
        return pick(TIMES);
    }

    String anyTime() {
        return random.nextInt(4) == 0 ? pick(EDGE_TIMES) : pick(TIMES);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }
}
