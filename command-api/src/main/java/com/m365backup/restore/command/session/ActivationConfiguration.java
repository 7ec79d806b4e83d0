package com.m365backup.restore.command.session;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the tenant limits that activation measures against. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivationLimits.class)
class ActivationConfiguration {
}
