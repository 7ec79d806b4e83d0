package com.m365backup.restore.command;

import com.m365backup.restore.domain.caller.Caller;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.caller.IdentitySet;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who and when every command of a request names, for each kind of caller. */
class CommandOriginsTest {

    private static final String TENANT = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T10:15:30.123456789Z"), ZoneOffset.UTC);

    @Test
    void an_application_caller_is_named_by_its_application_id_and_name() {
        CommandOrigins origins = new CommandOrigins(
                () -> new Caller(TENANT, IdentitySet.ofApplication("app-1", "Backup console")), CLOCK);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute("request-id", "r-1");
        request.setAttribute("client-request-id", "c-1");

        CommandOrigin origin = origins.of(request);

        assertThat(origin.tenantId()).isEqualTo(TENANT);
        assertThat(origin.metaData()).isEqualTo(MetaData.from(Map.of(
                CallerMetaData.TENANT_ID, TENANT,
                CallerMetaData.APPLICATION_ID, "app-1",
                CallerMetaData.APPLICATION_NAME, "Backup console",
                CallerMetaData.REQUEST_ID, "r-1",
                CallerMetaData.CLIENT_REQUEST_ID, "c-1")));
    }

    @Test
    void a_caller_without_identity_or_request_ids_is_named_by_its_tenant_only() {
        CommandOrigins origins = new CommandOrigins(() -> new Caller(TENANT, null), CLOCK);

        CommandOrigin origin = origins.of(new MockHttpServletRequest());

        assertThat(origin.metaData()).isEqualTo(MetaData.with(CallerMetaData.TENANT_ID, TENANT));
    }

    @Test
    void the_time_of_a_request_is_kept_to_the_microsecond_as_postgresql_keeps_it() {
        CommandOrigins origins = new CommandOrigins(() -> new Caller(TENANT, null), CLOCK);

        CommandOrigin origin = origins.of(new MockHttpServletRequest());

        assertThat(origin.requestedAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }
}
