package com.m365backup.restore.app.embedded;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** initdb's and PostgreSQL's chatter goes below INFO; what PostgreSQL or a tool calls a failure stays visible. */
class PostgresOutputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "creating subdirectories ... ok|DEBUG",
            "Success. You can now start the database server using:|DEBUG",
            "waiting for server to start....2026-12-01 13:01:39.252 UTC [5806] LOG:  starting PostgreSQL 17.11|DEBUG",
            "2026-12-01 13:01:39.260 UTC [5806] LOG:  database system is ready to accept connections|DEBUG",
            "2026-12-01 13:01:39.260 UTC [5806] WARNING:  could not flush dirty data: Function not implemented|WARN",
            "2026-12-01 13:01:39.260 UTC [5810] ERROR:  duplicate key value violates unique constraint|INFO",
            "2026-12-01 13:01:39.260 UTC [5810] STATEMENT:  insert into domain_event_entry values ($1)|DEBUG",
            "2026-12-01 13:01:39.260 UTC [5810] FATAL:  could not open file \"global/pg_filenode.map\"|ERROR",
            "2026-12-01 13:01:39.260 UTC [5810] FATAL:  terminating connection due to administrator command|INFO",
            "2026-12-01 13:01:39.260 UTC [5806] PANIC:  could not write to file \"pg_wal/xlogtemp.5806\"|ERROR",
            "initdb: error: directory \"/data/postgres\" exists but is not empty|ERROR",
            "pg_ctl: could not start server|ERROR"})
    void each_line_keeps_the_level_postgresql_gave_it(String line, String level) {
        assertThat(PostgresOutput.levelOf(line)).isEqualTo(level);
    }
}
