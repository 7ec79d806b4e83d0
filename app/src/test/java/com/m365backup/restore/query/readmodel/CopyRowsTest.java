package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What COPY stores is what the text says, whatever characters it holds, and the times the driver would store. */
@IntegrationTest
class CopyRowsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void copies_any_text_nulls_numbers_and_times_as_they_are() {
        List<String> texts = List.of("plain", "tab\there", "new\nline", "back\\slash \\N", "carriage\rreturn",
                "日本語 ü \u0001", "\\.", "");
        OffsetDateTime time = OffsetDateTime.of(2026, 3, 1, 10, 15, 0, 123_456_500, ZoneOffset.ofHours(2));
        List<Map<String, Object>> read = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("create temporary table copied (n int, word text, count bigint, at timestamptz)"
                    + " on commit drop");
            CopyRows copy = new CopyRows();
            for (int i = 0; i < texts.size(); i++) {
                copy.number(i).text(texts.get(i)).number(i == 0 ? null : (long) i * 1_000_000_000_000L)
                        .time(i == 0 ? null : time).endRow();
            }
            copy.number(texts.size()).text(null).number(null).time(null).endRow();
            assertThat(copy.into(jdbc, "copied (n, word, count, at)")).isEqualTo(texts.size() + 1);
            return jdbc.queryForList("select word, count, at = ? as same_time from copied order by n",
                    time.withNano(123_457_000));
        });
        for (int i = 0; i < texts.size(); i++) {
            assertThat(read.get(i).get("word")).as("row %d", i).isEqualTo(texts.get(i));
        }
        assertThat(read.get(0).get("count")).isNull();
        assertThat(read.get(1).get("count")).isEqualTo(1_000_000_000_000L);
        assertThat(read.get(1).get("same_time")).as("rounded half up to the microsecond").isEqualTo(true);
        assertThat(read.get(texts.size())).containsEntry("word", null).containsEntry("count", null);
    }
}
