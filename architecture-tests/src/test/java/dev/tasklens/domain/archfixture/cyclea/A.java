package dev.tasklens.domain.archfixture.cyclea;

import dev.tasklens.domain.archfixture.cycleb.B;

/** With {@link B}, breaks NO_PACKAGE_CYCLES. */
public class A {
    public B b;
}
