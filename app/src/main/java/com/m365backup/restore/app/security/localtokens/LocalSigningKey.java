package com.m365backup.restore.app.security.localtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The key local tokens are signed with: an RSA key (RS256, as Entra ID signs), made on first use and kept as a JWK
 * in a file only its owner may read. Two processes starting at once (the service and the token command) end up with
 * the same key: the file appears whole, and never replaces one already there.
 */
final class LocalSigningKey {

    private LocalSigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read or write the local signing key " + file, failure);
        } catch (ParseException failure) {
            throw new IllegalStateException("The local signing key " + file + " is not a JSON Web Key; delete it "
                    + "to make a new one (tokens signed with the old one stop working)", failure);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, ".signing-key", ".tmp");
        try {
            restrictToOwner(draft);
            Files.writeString(draft, newKey().toJSONString(), StandardCharsets.UTF_8);
            // A hard link appears whole and, unlike a rename, never replaces a file already there.
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // Another process made it first; its key is the one to use.
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException("Cannot make an RSA key", failure);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
