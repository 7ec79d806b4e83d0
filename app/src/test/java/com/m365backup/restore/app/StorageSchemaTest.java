package com.m365backup.restore.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StorageSchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_binary_column_is_bytea_never_a_large_object() {
        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type = 'oid'""", String.class);
        List<String> axonBinaryColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type = 'bytea'""", String.class);

        assertThat(oidColumns).isEmpty();
        assertThat(axonBinaryColumns).contains("domain_event_entry.payload", "domain_event_entry.meta_data",
                "token_entry.token", "saga_entry.serialized_saga", "dead_letter_entry.payload");
    }

    @Test
    void snapshots_are_compressed_with_lz4_where_the_server_has_it_and_else_stored_as_they_are() {
        boolean serverHasLz4 = Boolean.TRUE.equals(jdbc.queryForObject("""
                select coalesce(bool_or('lz4' = any (enumvals)), false) from pg_settings
                where name = 'default_toast_compression'""", Boolean.class));
        Map<String, Object> payload = jdbc.queryForMap("""
                select attcompression::text as compression, attstorage::text as storage from pg_attribute
                where attrelid = 'snapshot_event_entry'::regclass and attname = 'payload'""");

        // Compression 'l' is lz4; storage 'e' is out of line and uncompressed, 'x' the default (compressed).
        assertThat(payload).isEqualTo(serverHasLz4 ? Map.of("compression", "l", "storage", "x")
                : Map.of("compression", "", "storage", "e"));
    }

    @Test
    void the_processor_token_lives_in_postgresql() {
        Integer tokens = jdbc.queryForObject(
                "select count(*) from token_entry where processor_name = 'restore-session-projection'", Integer.class);

        assertThat(tokens).isPositive();
    }

    @Test
    void the_embedded_postgresql_makes_every_answered_commit_durable() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }
}
