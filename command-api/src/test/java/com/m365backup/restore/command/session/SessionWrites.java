package com.m365backup.restore.command.session;

import com.m365backup.restore.command.TestCaller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A slice of the write side: its controller and everything of this module behind it, with the app's caller and clock
 * replaced by {@link TestCaller}. Whole-request refusals render as problem details, as the app's advice is not here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = ExchangeRestoreSessionController.class,
        properties = "spring.mvc.problemdetails.enabled=true")
@Import({TestCaller.class, CreateRequestReader.class, DeltaRequestReader.class, RestoreSessionCreation.class,
        DeltaPatchApplier.class, SessionReadSide.class, DeltaItemCounter.class, SimpleMeterRegistry.class,
        SessionPreconditions.class, SessionCommands.class})
@interface SessionWrites {
}
