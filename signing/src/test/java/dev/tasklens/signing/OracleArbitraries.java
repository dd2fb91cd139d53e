package dev.tasklens.signing;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/** The credentials, times and bodies every differential property test draws; extend it. */
public abstract class OracleArbitraries {

    @Provide
    public Arbitrary<String> ids() {
        return Generators.accessKeyIds();
    }

    @Provide
    public Arbitrary<String> secrets() {
        return Generators.secrets();
    }

    @Provide
    public Arbitrary<Long> times() {
        return Generators.epochSeconds();
    }

    @Provide
    public Arbitrary<byte[]> bodies() {
        return Generators.bodies();
    }
}
