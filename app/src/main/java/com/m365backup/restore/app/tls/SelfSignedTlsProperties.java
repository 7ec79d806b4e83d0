package com.m365backup.restore.app.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * HTTPS on a certificate the service makes itself (docs/operations.md, HTTPS on the embedded default).
 *
 * @param selfSigned {@code restore.tls.self-signed}: whether to serve HTTPS on it
 * @param folder     {@code restore.tls.folder}: where the certificate, the keystore and its password are kept
 *                   (application.properties: in the data folder)
 */
@ConfigurationProperties("restore.tls")
public record SelfSignedTlsProperties(@DefaultValue("false") boolean selfSigned, Path folder) {
}
