package dev.tasklens.adapters.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.ports.credentials.CredentialsFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile files as the clouds' SDKs write them, and every way one can be unusable. */
class ProfileFileTest {

    @TempDir
    Path files;

    @Test
    void readsSectionsKeysCommentsQuotesAndABom() throws Exception {
        Path file = write("\uFEFF# written by hand\n; another comment\n\n[default]\nsecret_id = AKIDprofile\n"
                + "secret_key=\"quoted secret\"\n  [ basic ]  \nak=AK1\nsk = SK1\nempty =\n");
        ProfileFile profile = ProfileFile.read(file).orElseThrow();
        assertThat(profile.value("default", "secret_id")).contains("AKIDprofile");
        assertThat(profile.value("default", "secret_key")).contains("quoted secret");
        assertThat(profile.value("basic", "ak")).contains("AK1");
        assertThat(profile.value("basic", "sk")).contains("SK1");
        assertThat(profile.value("basic", "empty")).isEmpty();
        assertThat(profile.value("default", "ak")).isEmpty();
        assertThat(profile.has("basic")).isTrue();
        assertThat(profile.toString()).doesNotContain("quoted secret").doesNotContain("SK1");
    }

    @Test
    void aFileThatIsNotThereIsTheNextLinkNotAnError() {
        assertThat(ProfileFile.read(files.resolve("absent"))).isEmpty();
    }

    @Test
    void aMalformedLineIsAnErrorNamingTheFileAndTheLineButNeverTheLine() throws Exception {
        Path file = write("[default]\nsecret_id = AKIDprofile\nsecret_key SECRET-IN-A-BAD-LINE\n");
        assertThatThrownBy(() -> ProfileFile.read(file)).isInstanceOf(CredentialsFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("SECRET-IN-A-BAD-LINE"))
                .satisfies(error -> assertThat(((CredentialsFileException) error).file()).isEqualTo(file));
    }

    @Test
    void aMissingKeyOrSectionSaysWhichAndHowToAddIt() throws Exception {
        ProfileFile profile = ProfileFile.read(write("[default]\nsecret_id = AKIDprofile\n")).orElseThrow();
        assertThatThrownBy(() -> profile.require("default", "secret_key")).isInstanceOf(CredentialsFileException.class)
                .hasMessageContaining("section [default] has no secret_key");
        assertThatThrownBy(() -> profile.require("basic", "ak")).hasMessageContaining("has no [basic] section");
    }

    @Test
    void aFileThatCannotBeReadOrIsNotTextIsAnError() throws Exception {
        Path binary = files.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> ProfileFile.read(binary)).isInstanceOf(CredentialsFileException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> ProfileFile.read(files)).hasMessageContaining("is a directory");
        Path locked = write("[default]\nsecret_id = x\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads every file
            assertThatThrownBy(() -> ProfileFile.read(locked)).isInstanceOf(CredentialsFileException.class)
                    .hasMessageContaining("cannot be read");
        }
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(files, "credentials", "");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
