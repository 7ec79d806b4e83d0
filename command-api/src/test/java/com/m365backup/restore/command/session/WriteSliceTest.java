package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.m365backup.restore.command.TestCaller.TENANT;
import static com.m365backup.restore.command.TestCaller.USER_ID;
import static com.m365backup.restore.command.TestCaller.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * What every test of the {@link SessionWrites} slice works with: the controller over MockMvc, the gateways its
 * commands and queries go to (each test stubs what it needs) and the JSON of the answers.
 */
abstract class WriteSliceTest {

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected CommandGateway commandGateway;

    @MockitoBean
    protected QueryGateway queryGateway;

    protected final ObjectMapper json = new ObjectMapper();

    /** Whether the read side shows a write within the wait: every write, or none. */
    protected void readSideShowsWrites(boolean shown) {
        when(queryGateway.query(any(AwaitRestoreSessionVersion.class), eq(Boolean.class)))
                .thenReturn(CompletableFuture.completedFuture(shown));
    }

    /**
     * The metadata every command of {@link com.m365backup.restore.command.TestCaller}'s caller carries, and the
     * request's ids given (name, value, ...).
     */
    protected static MetaData callerMetaData(String... requestIds) {
        Map<String, String> entries = new LinkedHashMap<>(Map.of(
                CallerMetaData.TENANT_ID, TENANT,
                CallerMetaData.USER_ID, USER_ID,
                CallerMetaData.USER_NAME, USER_NAME));
        for (int i = 0; i < requestIds.length; i += 2) {
            entries.put(requestIds[i], requestIds[i + 1]);
        }
        return MetaData.from(entries);
    }

    protected JsonNode bodyOf(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    protected String codeOf(MvcResult result) throws Exception {
        return bodyOf(result).get("code").asText();
    }

    /** A whole-request refusal: its code, and a detail that names nothing of the implementation. */
    protected JsonNode assertRefused(MvcResult result, String code) throws Exception {
        JsonNode problem = bodyOf(result);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank()
                .doesNotContain("Exception", "com.m365backup", "com.fasterxml", "org.springframework", "jackson");
        return problem;
    }

    /** That many items, made from their index, as a JSON array's elements. */
    protected static String items(int count, IntFunction<String> item) {
        return IntStream.range(0, count).mapToObj(item).collect(Collectors.joining(", "));
    }

    /** A row of a table of refused bodies. */
    protected static Arguments row(String description, String body, int status, String code) {
        return Arguments.of(description, body, status, code);
    }
}
