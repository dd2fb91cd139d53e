package dev.tasklens.domain.archfixture;

import org.assertj.core.api.Assertions;

/** Breaks DOMAIN_DEPENDS_ONLY_ON_THE_JDK. */
public class DomainUsingALibrary {
    public void check(Object value) {
        Assertions.assertThat(value).isNotNull();
    }
}
