package dev.tasklens.adapters.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.adapters.credentials.CredentialsChain.Lookup;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A chain reads nothing until asked, takes the first link that answers and keeps it. */
class CredentialsChainTest {

    private final AtomicInteger first = new AtomicInteger();
    private final AtomicInteger second = new AtomicInteger();
    private final AtomicInteger third = new AtomicInteger();

    @Test
    void readsNothingUntilAskedThenSettlesOnTheFirstLinkThatAnswers() {
        CredentialsChain chain = CredentialsChain.of(List.of(
                () -> {
                    first.incrementAndGet();
                    return Lookup.nothing("A unset");
                },
                () -> {
                    second.incrementAndGet();
                    return Lookup.found(Credentials.of("AKIDsecond", "secret-two"), "profile default (p)");
                },
                () -> {
                    third.incrementAndGet();
                    return Lookup.found(Credentials.of("AKIDthird", "secret-three"), "instance role r");
                }));
        assertThat(first.get() + second.get() + third.get()).isZero();
        assertThat(chain.credentials().orElseThrow().id()).isEqualTo("AKIDsecond");
        assertThat(chain.credentials().orElseThrow().id()).isEqualTo("AKIDsecond");
        assertThat(chain.origin()).isEqualTo("profile default (p)");
        assertThat(chain.account()).contains("AKIDsecond");
        assertThat(first).hasValue(1);
        assertThat(second).hasValue(1);
        assertThat(third).hasValue(0);
        assertThat(chain.toString()).doesNotContain("secret");
    }

    @Test
    void whenNoLinkAnswersTheOriginSaysWhereEachLooked() {
        CredentialsChain chain = CredentialsChain.of(List.of(() -> Lookup.nothing("A and B unset"),
                () -> Lookup.nothing("no profile file (/h/.x/credentials)")));
        assertThat(chain.credentials()).isEmpty();
        assertThat(chain.origin()).isEqualTo("none: A and B unset; no profile file (/h/.x/credentials)");
    }

    @Test
    void aLinkThatFailsStopsTheChainInsteadOfFallingThrough() {
        CredentialsChain chain = CredentialsChain.of(List.of(
                () -> {
                    throw new CredentialsFileException(Path.of("/h/.tencentcloud/credentials"), "line 2 is bad");
                },
                () -> {
                    third.incrementAndGet();
                    return Lookup.found(Credentials.of("AKIDthird", "secret-three"), "instance role r");
                }));
        assertThatThrownBy(chain::credentials).isInstanceOf(CredentialsFileException.class)
                .hasMessage("/h/.tencentcloud/credentials: line 2 is bad");
        assertThat(third).hasValue(0);
    }
}
