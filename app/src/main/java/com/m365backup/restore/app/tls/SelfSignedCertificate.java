package com.m365backup.restore.app.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} that the service signs itself, kept in a folder
 * of the data folder: {@code keystore.p12} (its key, readable by its owner only, with the random password in
 * {@code keystore.password} beside it, as the signing key is protected by its file's permissions alone) and
 * {@code certificate.pem}, the certificate a client trusts. Made on first use by the JDK's own {@code keytool}, so
 * nothing is needed but the JDK and no network; made again once it has expired (clients then trust the new one).
 * The folder appears whole or not at all.
 */
final class SelfSignedCertificate {

    static final String KEYSTORE = "keystore.p12";
    static final String PASSWORD = "keystore.password";
    static final String CERTIFICATE = "certificate.pem";

    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final String ALIAS = "exchange-restore-sessions";
    /** The longest validity clients on macOS and iOS accept for a TLS server certificate. */
    private static final int VALIDITY_DAYS = 825;
    private static final String PASSWORD_VARIABLE = "RESTORE_TLS_KEYSTORE_PASSWORD";

    private final KeyStore keyStore;
    private final String password;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyStore keyStore, String password, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
    }

    static SelfSignedCertificate loadOrCreate(Path folder, Clock clock) {
        try {
            if (!Files.exists(folder.resolve(KEYSTORE))) {
                create(folder);
            }
            SelfSignedCertificate kept = load(folder);
            if (kept.certificate.getNotAfter().toInstant().isAfter(clock.instant())) {
                return kept;
            }
            Path expired = folder.resolveSibling(folder.getFileName() + "-expired-" + clock.instant().getEpochSecond());
            log.info("The self-signed certificate in {} expired on {}; it is kept in {} and a new one is made "
                    + "(clients trust the new {})", folder, kept.certificate.getNotAfter().toInstant(), expired,
                    CERTIFICATE);
            Files.move(folder, expired, StandardCopyOption.ATOMIC_MOVE);
            create(folder);
            return load(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot make or read the self-signed certificate in " + folder, failure);
        }
    }

    SslBundle bundle() {
        return SslBundle.of(SslStoreBundle.of(keyStore, password, null));
    }

    X509Certificate certificate() {
        return certificate;
    }

    private static SelfSignedCertificate load(Path folder) throws IOException {
        String password = Files.readString(folder.resolve(PASSWORD), StandardCharsets.UTF_8).strip();
        try (InputStream file = Files.newInputStream(folder.resolve(KEYSTORE))) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(file, password.toCharArray());
            return new SelfSignedCertificate(keyStore, password, (X509Certificate) keyStore.getCertificate(ALIAS));
        } catch (GeneralSecurityException unreadable) {
            throw new IllegalStateException("The keystore in " + folder + " cannot be read; delete the folder to make "
                    + "a new certificate (clients then trust the new " + CERTIFICATE + ")", unreadable);
        }
    }

    /** Made in a folder of its own beside the final one, then renamed: another start sees all of it or nothing. */
    private static void create(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path draft = Files.createTempDirectory(parent, "." + folder.getFileName() + "-");
        try {
            restrictToOwner(draft, "rwx------");
            String password = newPassword();
            Path passwordFile = Files.createFile(draft.resolve(PASSWORD));
            restrictToOwner(passwordFile, "rw-------");
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            keytool(draft.resolve(KEYSTORE), password);
            restrictToOwner(draft.resolve(KEYSTORE), "rw-------");
            Files.writeString(draft.resolve(CERTIFICATE), pem(load(draft).certificate), StandardCharsets.US_ASCII);
            restrictToOwner(draft, "rwxr-xr-x");
            Files.move(draft, folder, StandardCopyOption.ATOMIC_MOVE);
            log.info("Made a self-signed certificate for localhost in {}; clients trust {}", folder,
                    folder.resolve(CERTIFICATE));
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException madeMeanwhile) {
            // Another start made it first; its certificate is the one to use.
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("keytool made a keystore that cannot be read", unexpected);
        } finally {
            deleteIfLeft(draft);
        }
    }

    private static void keytool(Path keyStore, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", Integer.toString(VALIDITY_DAYS),
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-ext", "EKU=serverAuth", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                // From the environment, so that the password never shows in the process list.
                "-storepass:env", PASSWORD_VARIABLE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            throw new IOException("Cannot run " + keytool + " (a JDK's keytool makes the self-signed certificate)",
                    missing);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed to make the self-signed certificate: " + output.strip());
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while keytool made the self-signed certificate", interrupted);
        }
    }

    static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void deleteIfLeft(Path draft) throws IOException {
        if (Files.exists(draft)) {
            try (Stream<Path> files = Files.walk(draft)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
