package com.m365backup.restore.command;

import com.m365backup.restore.command.restorepoint.UncataloguedRestorePoints;
import com.m365backup.restore.domain.caller.Caller;
import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.caller.IdentitySet;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the app provides to the write side, fixed for tests: one delegated caller of one tenant, a clock that stands
 * still at the time of Graph's example, and the module's own shared beans.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({RestoreLimits.class, CommandRetries.class})
@Import({CommandOrigins.class, StrictJson.class, UncataloguedRestorePoints.class})
public class TestCaller {

    public static final String TENANT = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    public static final String USER_ID = "48d31887-5fad-4d73-a9f5-3c356e68a038";
    public static final String USER_NAME = "Megan Bowen";
    public static final Instant NOW = Instant.parse("2015-06-19T12:01:03.45Z");

    @Bean
    CurrentCaller currentCaller() {
        Caller caller = new Caller(TENANT, IdentitySet.ofUser(USER_ID, USER_NAME));
        return () -> caller;
    }

    /** The slices have no database: the writes' units of work run without a transaction. */
    @Bean
    TransactionManager transactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    /** Creates in the slices are never repeated by their request: none is recorded. */
    @Bean
    CreateRequests createRequests() {
        return new CreateRequests() {
            @Override
            public Optional<Made> sessionMadeBy(CommandOrigin.CreateRequestKey request) {
                return Optional.empty();
            }

            @Override
            public void record(CommandOrigin.CreateRequestKey request, Made made, Instant at) {
            }
        };
    }

    /** The slices store nothing: a commit that broke off stored nothing either. */
    @Bean
    StoredEvents storedEvents() {
        return (sessionId, sequence, requestId) -> false;
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
