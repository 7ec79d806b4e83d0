package com.m365backup.restore.app.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An upgrade keeps the sessions of a data folder where earlier versions kept PostgreSQL's files directly. */
class EarlierDataLayoutTest {

    @TempDir
    Path data;

    @Test
    void a_new_data_folder_gets_postgresql_in_its_own_subfolder() {
        assertThat(EarlierDataLayout.orNew(data.resolve("postgres"))).isEqualTo(data.resolve("postgres"));
    }

    @Test
    void postgresql_files_right_in_the_data_folder_stay_where_they_are() throws IOException {
        Files.writeString(data.resolve("PG_VERSION"), "17\n");

        assertThat(EarlierDataLayout.orNew(data.resolve("postgres"))).isEqualTo(data);
    }

    @Test
    void once_the_subfolder_holds_a_cluster_it_is_used() throws IOException {
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Files.createDirectories(data.resolve("postgres"));
        Files.writeString(data.resolve("postgres").resolve("PG_VERSION"), "17\n");

        assertThat(EarlierDataLayout.orNew(data.resolve("postgres"))).isEqualTo(data.resolve("postgres"));
    }

    @Test
    void a_folder_configured_by_another_name_is_taken_as_it_is() throws IOException {
        Files.writeString(data.resolve("PG_VERSION"), "17\n");

        assertThat(EarlierDataLayout.orNew(data.resolve("pg"))).isEqualTo(data.resolve("pg"));
    }
}
