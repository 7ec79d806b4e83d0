package com.m365backup.restore.command.session;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the tenant limits that activation measures against, and the size of a bulk addition request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ActivationLimits.class, BulkAdditionLimits.class})
class ActivationConfiguration {
}
