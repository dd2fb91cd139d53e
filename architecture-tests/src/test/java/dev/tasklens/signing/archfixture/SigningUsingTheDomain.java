package dev.tasklens.signing.archfixture;

import dev.tasklens.domain.SourceId;

/** Breaks SIGNING_DEPENDS_ONLY_ON_THE_JDK: signing may not even use the tasklens domain. */
public class SigningUsingTheDomain {
    public SourceId source;
}
