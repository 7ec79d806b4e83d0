package com.m365backup.restore.app.operations;

import com.m365backup.restore.domain.session.RestoreSessionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code restore.sessions}: how many sessions stand in each status, every tenant's together, from the read model (a
 * deleted session has no row there). One grouped count serves every status and is kept for
 * {@code restore.metrics.session-counts-max-age}, so that scrapes, however frequent, cost one small query at most that
 * often. Every node shows the same counts; the read model may lag the event store by a moment. While PostgreSQL
 * cannot be reached the gauges are NaN, and asked again only after that time.
 */
@Component
class SessionStatusGauges {

    static final String METER = "restore.sessions";

    private static final Logger log = LoggerFactory.getLogger(SessionStatusGauges.class);

    private final JdbcTemplate jdbc;
    private final long maxAgeNanos;
    private Map<String, Long> counts;
    private boolean counted;
    private long countedAt;

    SessionStatusGauges(JdbcTemplate jdbc, MeterRegistry registry,
                        MetricsProperties settings) {
        this.jdbc = jdbc;
        this.maxAgeNanos = settings.sessionCountsMaxAge().toNanos();
        for (RestoreSessionStatus status : RestoreSessionStatus.values()) {
            Gauge.builder(METER, this, gauges -> gauges.count(status.graphName()))
                    .description("Restore sessions by status, from the read model")
                    .tag("status", status.graphName())
                    .register(registry);
        }
    }

    private synchronized double count(String status) {
        if (!counted || System.nanoTime() - countedAt > maxAgeNanos) {
            counts = countNow();
            countedAt = System.nanoTime();
            counted = true;
        }
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }

    private Map<String, Long> countNow() {
        try {
            Map<String, Long> byStatus = new HashMap<>();
            jdbc.query("select status, count(*) from restore_session group by status",
                    row -> {
                        byStatus.put(row.getString(1), row.getLong(2));
                    });
            return byStatus;
        } catch (DataAccessException unavailable) {
            log.debug("Sessions by status not counted: {}", unavailable.toString());
            return null;
        }
    }
}
